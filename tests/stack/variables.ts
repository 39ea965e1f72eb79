/**
 * Template variables of a provisioned dashboard, replaced as Grafana's template service does
 * for a data source that formats its own values: `$name`, `${name}` and `[[name]]`; "All"
 * becomes the variable's custom all value unformatted, otherwise the format function (or, without
 * one, Grafana's default glob form `{a,b}`) gets the selected values.
 */

import type { TemplateSrv } from '@grafana/runtime';

import type { DashboardVariable } from './model';

const ALL = '$__all';

/** Selected values per variable name. */
export type Selection = Record<string, string | string[]>;

/** The values a dashboard starts with: each variable's saved current value. */
export function savedSelection(variables: DashboardVariable[]): Selection {
  const selection: Selection = {};
  for (const variable of variables) {
    selection[variable.name] = variable.current?.value ?? '';
  }
  return selection;
}

/** The options of a custom variable, as its comma-separated query lists them. */
export function customOptions(variable: DashboardVariable): string[] {
  return String(variable.query ?? '')
    .split(',')
    .map((option) => option.trim())
    .filter((option) => option !== '');
}

function isAll(value: string | string[]): boolean {
  return value === ALL || (Array.isArray(value) && value.includes(ALL));
}

/** A template service over a dashboard's variables with the given selection. */
export function templateService(variables: DashboardVariable[], selection: Selection): TemplateSrv {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const pattern = /\$(\w+)|\$\{(\w+)\}|\[\[(\w+)\]\]/g;

  const replace = (target?: string, _scoped?: unknown, format?: unknown): string =>
    (target ?? '').replace(pattern, (match, plain, braced, bracketed) => {
      const name = plain ?? braced ?? bracketed;
      const variable = byName.get(name);
      if (!variable) {
        return match;
      }
      const value = selection[name] ?? '';
      if (isAll(value)) {
        if (variable.allValue === undefined) {
          throw new Error(`variable ${name} is set to All but has no all value to check with`);
        }
        return variable.allValue;
      }
      if (typeof format === 'function') {
        return String(format(value, variable));
      }
      return Array.isArray(value)
        ? value.length === 1
          ? value[0]
          : `{${value.join(',')}}`
        : value;
    });

  const service: Partial<TemplateSrv> = {
    replace,
    getVariables: () => [],
    containsTemplate: (target?: string) => Boolean(target && new RegExp(pattern).test(target)),
    updateTimeRange: () => undefined,
  };
  return service as TemplateSrv;
}
