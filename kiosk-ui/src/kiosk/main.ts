import '@lobbyflow/ui-kit/theme/theme.css';
import './kiosk-app';
