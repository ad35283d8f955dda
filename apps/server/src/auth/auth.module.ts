import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CounterEntity } from '../counters/counter.entity';
import { DeviceEntity } from '../devices/device.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { loginThrottleProviders } from './login-throttle';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffUserEntity, BranchEntity, CounterEntity, DeviceEntity, TicketEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256', issuer: 'lobbyflow' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'lobbyflow' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }, ...loginThrottleProviders],
  exports: [AuthService],
})
export class AuthModule {}
