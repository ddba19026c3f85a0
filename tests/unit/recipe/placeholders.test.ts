import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '@/lib/recipe';

describe('fillPlaceholders', () => {
  const answers = {
    name: 'Tom & <Jerry>',
    partnerId: 123,
    resume: false,
    body: { entry: { name: 'My "video"', tags: ['a', 'b'] } },
    objects: [{ id: '0_abc' }],
  };

  it('fills <%- %> as is and <%= %> HTML-escaped', () => {
    expect(fillPlaceholders('x = "<%- answers.name %>"', answers)).toBe('x = "Tom & <Jerry>"');
    expect(fillPlaceholders('<p><%= answers.name %></p>', answers)).toBe('<p>Tom &amp; &lt;Jerry&gt;</p>');
    expect(fillPlaceholders('<b title="<%= answers.body.entry.name %>">', answers)).toBe('<b title="My &quot;video&quot;">');
  });

  it('follows dotted paths, array indices included, and prints non-strings', () => {
    expect(
      fillPlaceholders('<%- answers.body.entry.name %>|<%-answers.objects.0.id%>|<%- answers.partnerId %>|<%- answers.resume %>', answers),
    ).toBe('My "video"|0_abc|123|false');
    expect(fillPlaceholders('<%- answers.body.entry.tags %>', answers)).toBe('["a","b"]');
  });

  it('turns missing values into empty strings', () => {
    expect(fillPlaceholders('[<%- answers.nope %>][<%= answers.body.nope.deeper %>][<%- answers.name.length %>]', answers)).toBe('[][][]');
    expect(fillPlaceholders('[<%- answers.x %>]', { x: null })).toBe('[]');
  });

  it('evaluates nothing else, ever', () => {
    const code =
      '<% while(true){} %> <%- process.exit(1) %> <%= answers.name.toUpperCase() %> <%- answers["name"] %> <%- answers.constructor %> <%- answers.__proto__ %>';
    expect(fillPlaceholders(code, answers)).toBe(
      '<% while(true){} %> <%- process.exit(1) %> <%= answers.name.toUpperCase() %> <%- answers["name"] %>  ',
    );
  });

  it('leaves code without placeholders untouched', () => {
    const code = 'if (a <% b) { return "<%"; }';
    expect(fillPlaceholders(code, answers)).toBe(code);
  });
});
