/**
 * conf (and with it ajv, ajv-formats, semver, fast-uri: ~200 KB, a third of start.cjs) for the browser host's settings.
 * In start.cjs this module is its own file, dist/electron/settings-conf.cjs, required the first time the settings are
 * read or written (scripts/build.mjs turns `Conf` into a getter that requires it), so starting the host does not
 * compile it. Tests and main.cjs (which has conf anyway through electron-store) import it as it is.
 */
export { default as Conf } from 'conf';
