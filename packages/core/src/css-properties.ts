import { type ElementPart, noChange, nothing } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

type Properties = Readonly<Record<string, string>>;

/**
 * Sets CSS properties (custom properties such as `--_hue`, or kebab-case names) on an element
 * through the CSSOM, `style.setProperty`, and never writes a `style` attribute: Lit's `styleMap`
 * renders the attribute as a string on first render, which a strict `style-src` without
 * `'unsafe-inline'` refuses (`style-src-attr`), while the CSSOM is outside the policy's reach.
 *
 * `html\`<span ${cssProperties({ '--_hue': '200' })}></span>\``
 */
class CssPropertiesDirective extends Directive {
  private previous: string[] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() goes on an element, not in a value');
  }

  render(_properties: Properties) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Properties]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = Object.keys(properties);
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
