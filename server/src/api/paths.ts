// Matching request paths (as written in code, JSON files, curl or .http files) against the
// catalogue's `{param}` templates. Paths are relative to /api/rest/v1.

/** A segment of a template: a literal, or a `{param}`. */
export type TemplateSegment = { literal: string } | { param: string };
export type PathTemplate = TemplateSegment[];

/** A request path segment: a concrete value, or a placeholder whose value the code decides. */
export type PathSegment = { value: string } | { placeholder: true };

export function parseTemplate(path: string): PathTemplate {
  return splitPath(path).map((segment) => {
    const param = /^\{(\w+)\}$/.exec(segment);
    return param ? { param: param[1] } : { literal: segment };
  });
}

/** `${id}`, `${a.b}`, `{id}`, `{{id}}`, `:id`, `<id>`: a value written elsewhere. */
// `[^{}]` (not `[^}]`): over a run of `{` each attempt stops at the next one, so a long run stays linear.
const PLACEHOLDER = /\$\{[^{}]*\}|\{\{[^{}]*\}\}|\{[^{}]*\}|^:\w+$|^<[^>]*>$/;

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/**
 * The segments of a request path: query string, fragment and trailing slashes dropped, and an
 * absolute URL or `/api/rest/v1` prefix cut off.
 */
export function normalizePath(path: string): PathSegment[] {
  let text = path.replace(/[?#].*$/s, '');
  const base = text.indexOf('/api/rest/v1');
  if (base >= 0) text = text.slice(base + '/api/rest/v1'.length);
  else text = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return splitPath(text).map((segment) => (PLACEHOLDER.test(segment) ? { placeholder: true } : { value: segment }));
}

/**
 * Match segments against a template. Literal segments must be equal (case-sensitive); a `{param}`
 * takes any concrete value or placeholder. The score ranks matches: 1 per literal, 0 per param,
 * compared left to right, so static paths beat templated ones.
 */
export function matchPathTemplate(
  template: PathTemplate,
  segments: readonly PathSegment[],
): { params: Record<string, string>; score: number[] } | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  const score: number[] = [];
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    const segment = segments[i];
    if ('literal' in part) {
      if (!('value' in segment) || segment.value !== part.literal) return undefined;
      score.push(1);
    } else {
      if ('value' in segment) params[part.param] = decodeSegment(segment.value);
      score.push(0);
    }
  }
  return { params, score };
}

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
