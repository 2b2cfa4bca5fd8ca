import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadTraditional, storedLang } from './kernel/i18n';

const root = createRoot(document.getElementById('root') as HTMLElement);
const render = () => root.render(<App />);

// Readers of Traditional characters get them from the first paint, not after a flash of Simplified.
if (storedLang() === 'zh-TW') loadTraditional().then(render, render);
else render();
