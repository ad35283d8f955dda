import '@lobbyflow/ui-kit/theme/theme.css';
import './rating-pad';
