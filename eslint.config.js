import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', 'bench/data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Modules work on the scoped connection their route hands them. The
    // system connection bypasses row-level security; only sign-in may use it.
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/users/auth.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='system']",
          message: 'Modules must not use the system connection (it bypasses row-level security); use the scoped q of the route.',
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Names come from users of other communities: no HTML is built from
      // them. ECharts renders a formatter's answer as HTML, so a formatter
      // answers through tooltipLines (web/src/kernel/html.ts), which escapes.
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='formatter'] > :function:not([body.type='CallExpression'][body.callee.name='tooltipLines'])",
          message: 'An ECharts formatter answers HTML: return tooltipLines([...]) (kernel/html.ts), which escapes every line.',
        },
        {
          selector: "Property[key.name='formatter'] > TemplateLiteral[expressions.length>0]",
          message: 'An ECharts formatter answers HTML: return tooltipLines([...]) (kernel/html.ts), which escapes every line.',
        },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from data: render text as React children.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML from data: set textContent.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment)$/]", message: 'No HTML from data.' },
      ],
    },
  },
);
