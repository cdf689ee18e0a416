import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LangProvider } from './lang.js';
import { ApiCacheProvider } from './useApi.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LangProvider>
        <ApiCacheProvider>
          <App />
        </ApiCacheProvider>
      </LangProvider>
    </StrictMode>,
  );
}
