/** The recipe a new draft starts from: small, complete, and lint-clean (a unit test checks). */
export const TEMPLATE_SLUG = 'my-recipe';

export const RECIPE_TEMPLATE = `<!--METADATA
{
  "summary": "One sentence that says what this recipe achieves.",
  "icon": "upload",
  "sortOrder": 1000,
  "tags": ["uploadToken"],
  "keywords": []
}
-->

# My new recipe
What the reader will have built at the end, and what they need before starting.

## Create an upload token
An upload token holds a file while it is being uploaded.

### API Call
\`\`\`json
{
  "method": "post",
  "path": "/service/uploadtoken/action/add",
  "parameters": []
}
\`\`\`

## Check the token
The token from step 1 is filled in for you: \`dynamicValue\` reads \`id\` from step 1's response (\`fromStep\` counts from 0, so step 1 is \`"fromStep": 0\`).

### API Call
\`\`\`json
{
  "method": "post",
  "path": "/service/uploadtoken/action/get",
  "parameters": [
    {
      "name": "uploadTokenId",
      "dynamicValue": { "fromStep": 0, "value": "id" }
    }
  ]
}
\`\`\`

### Sample Code (python)
\`\`\`py
auto
\`\`\`

## Finish
What to read or try next.
`;
