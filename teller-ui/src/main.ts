import '@lobbyflow/ui-kit/theme/theme.css';
import { getLocale } from '@lobbyflow/ui-kit';
import './app/staff-app';

// The page's language follows the one chosen on this device, so that the browser picks CJK fonts for zh.
document.documentElement.lang = getLocale() === 'zh' ? 'zh-CN' : 'en';
