import '@lobbyflow/ui-kit/theme/theme.css';
import './display-board';
