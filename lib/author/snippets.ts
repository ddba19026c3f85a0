/**
 * Recipe snippets (Monaco snippet syntax: `$1`, `${1:default}`, `${1|a,b|}`), offered as
 * completion items outside JSON blocks and as toolbar buttons.
 */
export interface RecipeSnippet {
  id: 'step' | 'api-call' | 'sample-code';
  label: string;
  /** Toolbar button text. */
  button: string;
  detail: string;
  documentation: string;
  body: string;
}

export const SNIPPETS: RecipeSnippet[] = [
  {
    id: 'step',
    label: 'step',
    button: 'Step',
    detail: 'New step: ## heading, prose and an API Call block',
    documentation: 'Every `## ` heading opens a step; steps are numbered from 0 for `fromStep`.',
    body: [
      '## ${1:Step title}',
      '${2:What this step does and why.}',
      '',
      '### API Call',
      '```json',
      '{',
      '  "method": "post",',
      '  "path": "${3:/service/media/action/list}",',
      '  "parameters": [$4]',
      '}',
      '```',
      '',
    ].join('\n'),
  },
  {
    id: 'api-call',
    label: 'apicall',
    button: 'API Call',
    detail: '### API Call block',
    documentation: "The live call of a step (at most one per step): `method`, `path` and the form's `parameters`.",
    body: [
      '### API Call',
      '```json',
      '{',
      '  "method": "post",',
      '  "path": "${1:/service/media/action/get}",',
      '  "parameters": [',
      '    {',
      '      "name": "${2:entryId}"$3',
      '    }',
      '  ]',
      '}',
      '```',
      '',
    ].join('\n'),
  },
  {
    id: 'sample-code',
    label: 'samplecode',
    button: 'Sample Code',
    detail: '### Sample Code (language) block',
    documentation:
      'A body of exactly `auto` generates the language from the step; any other body is shown as written, with `<%= answers.NAME %>` placeholders.',
    body: [
      '### Sample Code (${1|python,node,php,php53,java,csharp,ruby,swift,curl,ajax,angular|})',
      '```${2:python}',
      '${3:auto}',
      '```',
      '',
    ].join('\n'),
  },
];
