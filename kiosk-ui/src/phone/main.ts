import '@lobbyflow/ui-kit/theme/theme.css';
import './phone-ticket';
