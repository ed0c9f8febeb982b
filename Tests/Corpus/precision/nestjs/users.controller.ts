import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Logger,
  Patch,
  Post,
  Query,
  Req,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';
import { UsersService, PublicUser } from './users.service';
import { CreateUserDto, LoginDto, SearchUsersQuery, UpdateProfileDto } from './users.dto';

interface AuthedRequest extends Request {
  userId: string;
}

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly jwt: JwtService, private readonly config: ConfigService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, credential] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !credential) {
      throw new UnauthorizedException();
    }
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string }>(credential, {
        secret: this.config.getOrThrow<string>('JWT_SECRET'),
        algorithms: ['HS256'],
      });
      req.userId = payload.sub;
      return true;
    } catch {
      throw new UnauthorizedException();
    }
  }
}

@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
  ) {}

  @Post('register')
  async register(@Body() dto: CreateUserDto): Promise<PublicUser> {
    return this.users.register(dto);
  }

  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto) {
    const user = await this.users.verifyCredentials(dto.email, dto.password);
    const accessToken = await this.jwt.signAsync(
      { sub: user.id },
      { secret: this.config.getOrThrow<string>('JWT_SECRET'), algorithm: 'HS256', expiresIn: '15m' },
    );
    const tokenType = 'Bearer';
    this.logger.log(`login ok userId=${user.id} tokenType=${tokenType}`);
    return { accessToken, tokenType, expiresIn: 900, displayName: user.displayName };
  }

  @Get('search')
  @UseGuards(JwtAuthGuard)
  search(@Query() query: SearchUsersQuery): Promise<PublicUser[]> {
    return this.users.searchByEmailPrefix(query.prefix, query.limit);
  }

  @Patch('me')
  @UseGuards(JwtAuthGuard)
  updateMe(@Req() req: AuthedRequest, @Body() dto: UpdateProfileDto): Promise<PublicUser> {
    return this.users.updateProfile(req.userId, dto);
  }
}
