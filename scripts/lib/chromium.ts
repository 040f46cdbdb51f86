/**
 * Finds a Chromium for the browser tests: CHROMIUM_PATH, then `chromium` or
 * `google-chrome` on the PATH; when there is none and we are root on Debian,
 * installs Debian's `chromium` with apt-get; otherwise fails with a message
 * naming what to install. Launch flags keep Chromium off the network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

export function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  const found = which('chromium') ?? which('chromium-browser') ?? which('google-chrome');
  if (found) return found;
  if (process.getuid?.() === 0 && which('apt-get')) {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
    const installed = which('chromium');
    if (installed) return installed;
  }
  throw new Error('No Chromium found for the browser tests: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
}

/** `extraArgs`: more Chromium flags, e.g. a host-resolver rule that maps a made-up intranet name to 127.0.0.1. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  });
}
