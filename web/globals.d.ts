// Style sheets imported by the pages' scripts are bundled by esbuild (see build-web.ts).
declare module '*.css';

// How Monaco (GraphiQL's editor) starts its workers (https://github.com/microsoft/monaco-editor/blob/main/docs/integrate-esm.md).
// eslint-disable-next-line no-var
declare var MonacoEnvironment: { getWorker(workerId: string, label: string): Worker } | undefined;
