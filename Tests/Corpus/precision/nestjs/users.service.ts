import { ConflictException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, DataSource } from 'typeorm';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { User } from './user.entity';
import { Team } from './team.entity';
import { CreateUserDto, UpdateProfileDto } from './users.dto';

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  teams: string[];
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly dataSource: DataSource,
  ) {}

  async register(dto: CreateUserDto): Promise<PublicUser> {
    const existing = await this.users.findOne({ where: { email: dto.email.toLowerCase() }, select: { id: true } });
    if (existing) {
      throw new ConflictException('email already registered');
    }
    const user = this.users.create({
      email: dto.email.toLowerCase(),
      displayName: dto.displayName,
      passwordHash: await argon2.hash(dto.password, { type: argon2.argon2id }),
      apiKeyPrefix: randomBytes(4).toString('hex'),
    });
    await this.users.save(user);
    this.logger.log(`registered userId=${user.id}`);
    return this.toPublic(user, []);
  }

  async verifyCredentials(email: string, password: string): Promise<User> {
    const user = await this.users.findOne({
      where: { email: email.toLowerCase() },
      select: { id: true, email: true, passwordHash: true, displayName: true, lockedUntil: true },
    });
    if (!user || (user.lockedUntil && user.lockedUntil > new Date())) {
      throw new UnauthorizedException('invalid credentials');
    }
    const valid = await argon2.verify(user.passwordHash, password);
    if (!valid) {
      this.logger.warn(`failed login userId=${user.id}`);
      throw new UnauthorizedException('invalid credentials');
    }
    return user;
  }

  async findMany(ids: string[]): Promise<PublicUser[]> {
    const users = await this.users.find({
      where: { id: In(ids) },
      relations: { teams: true },
      select: { id: true, email: true, displayName: true, teams: { id: true, name: true } },
    });
    return users.map((u) => this.toPublic(u, u.teams.map((t) => t.name)));
  }

  async searchByEmailPrefix(prefix: string, limit: number): Promise<PublicUser[]> {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.email', 'u.displayName'])
      .where('u.email LIKE :prefix', { prefix: `${escaped}%` })
      .orderBy('u.email', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((u) => this.toPublic(u, []));
  }

  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<PublicUser> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { teams: true } });
    if (!user) {
      throw new NotFoundException('user not found');
    }
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.teamIds) {
      user.teams = await this.teams.findBy({ id: In(dto.teamIds) });
    }
    await this.users.save(user);
    this.logger.log(`profile updated userId=${userId} teamCount=${user.teams.length}`);
    return this.toPublic(user, user.teams.map((t) => t.name));
  }

  async activeUsersPerTeam(orgId: string): Promise<Array<{ teamId: string; active: number }>> {
    return this.dataSource.query(
      `SELECT t.id AS "teamId", COUNT(u.id)::int AS active
         FROM teams t
         LEFT JOIN team_members tm ON tm.team_id = t.id
         LEFT JOIN users u ON u.id = tm.user_id AND u.last_seen_at > now() - interval '30 days'
        WHERE t.org_id = $1
        GROUP BY t.id`,
      [orgId],
    );
  }

  private toPublic(user: User, teams: string[]): PublicUser {
    return { id: user.id, email: user.email, displayName: user.displayName, teams };
  }
}
