// Browser tests drive Debian's chromium. Install it when missing (as root with
// apt-get, or with passwordless sudo); otherwise say exactly what to run.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const run = (cmd) =>
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let sudo = null;
if (process.getuid?.() === 0) sudo = '';
else if (has('sudo')) {
  try {
    execSync('sudo -n true', { stdio: 'ignore' });
    sudo = 'sudo ';
  } catch {
    sudo = null;
  }
}
if (sudo === null || !has('apt-get')) {
  console.error(`Chromium is needed for the browser tests and was not found at ${path}.
Install Debian's chromium (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
run(`${sudo}apt-get update -qq`);
run(`${sudo}apt-get install -y -qq chromium`);
