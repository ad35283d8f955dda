import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { LoginResult, WhoAmI } from '@lobbyflow/contracts';
import { NoBody } from '../common/params';
import { Allow, CurrentPrincipal, Public } from './allow.decorator';
import type { Principal, StaffPrincipal } from './principal';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttle';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Staff sign-in: a short-lived JWT carrying role, branch and counter. Attempts are rate limited. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS: too many sign-in attempts; see Retry-After.' })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, body.counter, body.takeOver ?? false);
  }

  /** Who this credential is: a screen learns its branch from its device key or ticket link. */
  @Get('me')
  @Allow('kiosk', 'display', 'ticket', 'teller', 'lobby-manager', 'rm', 'admin')
  me(@CurrentPrincipal() principal: Principal): WhoAmI {
    switch (principal.kind) {
      case 'staff':
        return { kind: 'staff', branchId: principal.branch, role: principal.role, counterId: principal.counterId };
      case 'device':
        return { kind: 'device', branchId: principal.branch, deviceKind: principal.deviceKind };
      case 'ticket':
        return { kind: 'ticket', branchId: principal.branch };
    }
  }

  /** Ends the session: its counter seat is freed at once. */
  @Post('logout')
  @HttpCode(204)
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  async logout(@CurrentPrincipal() principal: StaffPrincipal, @NoBody() _body: object): Promise<void> {
    await this.auth.logout(principal);
  }
}
