import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

class RenameDto {
  name: string;
}

@Controller('users')
export class UsersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async search(@Query('name') name: string) {
    const safe = await this.dataSource.query('SELECT * FROM users WHERE name = $1', [name]);  // expect: query-performance/select-star
    const unsafe = await this.dataSource.query(`SELECT * FROM users WHERE name LIKE '%${name}%'`); // expect: input-validation/sql-injection-javascript
    return { safe, unsafe };
  }

  @Get(':id')
  async findOne(@Param('id', ParseIntPipe) id: number) {
    return this.dataSource.query(`SELECT * FROM users WHERE id = ${id}`);
  }

  @Post(':id/rename')
  async rename(@Param('id') id: string, @Body() dto: RenameDto) {
    await this.dataSource.manager.query( // expect: input-validation/sql-injection-javascript
      "UPDATE users SET name = '" + dto.name + "' WHERE id = $1",
      [id],
    );
    return this.dataSource.query('SELECT * FROM users WHERE id = $1', [id]);  // expect: query-performance/select-star
  }
}
