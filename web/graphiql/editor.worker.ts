// Monaco's base worker (models, diffs), built as a classic script that graphiql.ts starts.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
