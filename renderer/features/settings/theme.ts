import type { Theme } from '../../../shared/domain/settings';

/** Applies the theme to the page: light and dark are fixed; 'system' follows prefers-color-scheme (CSS does that). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
