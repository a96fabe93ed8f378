import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type ElementsManifest, eventPropName, generate } from '../scripts/generator.js';

const require = createRequire(import.meta.url);
const dependencies = Object.keys(
  (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
).filter((name) => name.startsWith('@chorus/'));

describe('the React wrapper generator', () => {
  it('names event props the way React does', () => {
    expect(eventPropName('chorus-contact-select')).toBe('onChorusContactSelect');
    expect(eventPropName('change')).toBe('onChange');
  });

  it('writes one component per element with its documented events, skipping those the analyzer guessed', () => {
    const manifest: ElementsManifest = {
      modules: [
        {
          path: 'src/widget.ts',
          declarations: [
            {
              kind: 'class',
              name: 'ChorusWidget',
              tagName: 'chorus-widget',
              customElement: true,
              description: 'A widget. It does things.',
              events: [{ name: 'chorus-widget-open', description: 'Opened.' }, {}, { name: 'widget' }],
            },
            { kind: 'class', name: 'NotAnElement' },
          ],
        },
      ],
    };
    const files = generate([{ name: '@chorus/widget', manifest }]);
    expect(files.map((file) => file.name)).toEqual(['widget.ts', 'index.ts']);
    const widget = files[0]!.text;
    expect(widget).toContain("tagName: 'chorus-widget'");
    expect(widget).toContain("import '@chorus/widget/define';");
    expect(widget).toContain('/** `<chorus-widget>` for React: A widget. */');
    expect(widget).toContain(
      "onChorusWidgetOpen: 'chorus-widget-open' as EventName<GlobalEventHandlersEventMap['chorus-widget-open']>,",
    );
    expect(widget.match(/as EventName/g)).toHaveLength(1);
    expect(files[1]!.text).toContain("export { ChorusWidget } from './widget.js';");
  });

  it("imports the entry that defines each element: a second element's own define module", () => {
    const manifest: ElementsManifest = {
      modules: [
        {
          path: 'src/gadget.ts',
          declarations: [
            { kind: 'class', name: 'ChorusGadget', tagName: 'chorus-gadget', customElement: true },
          ],
        },
        {
          path: 'dist/define-gadget.js',
          exports: [{ kind: 'custom-element-definition', name: 'chorus-gadget' }],
        },
      ],
    };
    const [gadget] = generate([{ name: '@chorus/widget', manifest }]);
    expect(gadget!.text).toContain("import '@chorus/widget/define-gadget';");
  });

  it('matches the committed output for the packages this one wraps', () => {
    const generated = generate(
      dependencies.map((name) => ({
        name,
        manifest: JSON.parse(readFileSync(require.resolve(`${name}/custom-elements.json`), 'utf8')),
      })),
    );
    for (const file of generated) {
      const committed = readFileSync(new URL(`../src/generated/${file.name}`, import.meta.url), 'utf8');
      expect(committed, `src/generated/${file.name} is stale: run npm run generate`).toBe(file.text);
    }
  });
});
