// Monaco's editor worker (diffing, word ranges, ...), bundled locally and started as a module worker.
import 'monaco-editor/editor/editor.worker.js';
