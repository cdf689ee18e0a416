/** The UI language: chosen in the header, remembered in localStorage, mirrored on `<html lang>`. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../src/server/apiTypes.js';
import { localeOf, translate, type MessageKey, type MessageParams } from './i18n.js';

const STORAGE_KEY = 'ftzlab.lang';

export interface LangState {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
}

const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  // Private browsing modes can make localStorage throw; Chinese is the default then.
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LangProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice then lasts for this page view only, which is acceptable
    }
  }, []);

  const value = useMemo<LangState>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang() must be called inside <LangProvider>');
  return state;
}
