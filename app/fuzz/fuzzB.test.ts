import { fuzzInCi } from './ciRun.ts';

fuzzInCi('fuzz B', 9_413, 1000);
