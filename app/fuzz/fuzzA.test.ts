import { fuzzInCi } from './ciRun.ts';

fuzzInCi('fuzz A', 20261202, 1000);
