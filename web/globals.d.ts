// Style sheets imported by the pages' scripts are bundled by esbuild (see build-web.ts).
declare module '*.css';
