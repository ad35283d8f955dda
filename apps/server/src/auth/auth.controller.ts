import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LoginResult } from '@lobbyflow/contracts';
import { NoBody } from '../common/params';
import { Allow, CurrentPrincipal, Public } from './allow.decorator';
import type { StaffPrincipal } from './principal';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Staff sign-in: a short-lived JWT carrying role, branch and counter. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, body.counter, body.takeOver ?? false);
  }

  /** Ends the session: its counter seat is freed at once. */
  @Post('logout')
  @HttpCode(204)
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  async logout(@CurrentPrincipal() principal: StaffPrincipal, @NoBody() _body: object): Promise<void> {
    await this.auth.logout(principal);
  }
}
