/**
 * Runs TypeScript as the service runs in production: each file transpiled
 * to JavaScript (TypeScript's transpileModule, the output of `tsc` with
 * isolatedModules) under plain Node. The benchmark targets start with
 * `-r` this file rather than ts-node, which loads Node's repl module and
 * with it `domain`, which slows every EventEmitter call of the process.
 * The compiler options are those of TS_NODE_PROJECT (a tsconfig.json).
 */
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');
const ts = require('typescript');

const project = process.env.TS_NODE_PROJECT;
if (!project) throw new Error('transpile-typescript: set TS_NODE_PROJECT to the tsconfig.json whose compiler options to use');
const read = ts.readConfigFile(project, ts.sys.readFile);
if (read.error) throw new Error(`transpile-typescript: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(project));
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
