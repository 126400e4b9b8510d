import { useQuery } from '@tanstack/react-query';
import { DEFAULT_SETTINGS } from '../../../shared/contract';
import { invoke, queryKeys } from './api';

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => invoke('settings.get', {}) });
}

/** Settings with the documented defaults while the real ones load, for code that only formats. */
export function useSettingsOrDefault() {
  return useSettings().data ?? DEFAULT_SETTINGS;
}

export function useCategories() {
  return useQuery({ queryKey: queryKeys.categories, queryFn: () => invoke('categories.list', {}) });
}

export function useTags() {
  return useQuery({ queryKey: queryKeys.tags, queryFn: () => invoke('tags.list', {}) });
}

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => invoke('app.info', {}), staleTime: Infinity });
}
