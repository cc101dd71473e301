import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Which Chromium the e2e specs drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the
 * browser Playwright installed itself. Never downloads anything at test time.
 */
export function resolveChromium(): { launchOptions: { executablePath?: string; args: string[] } } {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  for (const p of candidates) {
    if (existsSync(p)) return { launchOptions: { executablePath: p, args: FLAGS } };
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = '';
  }
  if (bundled && existsSync(bundled)) return { launchOptions: { args: FLAGS } };
  throw new Error(
    'No Chromium found for e2e tests: set CHROMIUM_PATH, or install Debian\'s "chromium" (apt-get install chromium), or run "npx playwright install chromium".',
  );
}
