// Monaco's JSON language worker, bundled locally and started as a module worker.
import 'monaco-editor/language/json/json.worker.js';
