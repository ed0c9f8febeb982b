import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Response } from 'express';
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ejs from 'ejs';
import { Repository } from 'typeorm';
import { Report } from './report.entity';

const REPORT_DIR = '/srv/reports';

@Controller('reports')
export class ReportsController {
  constructor(@InjectRepository(Report) private readonly reports: Repository<Report>) {}

  @Get('download')
  download(@Query('file') file: string, @Res() res: Response) {
    const data = fs.readFileSync(path.join(REPORT_DIR, file));  // expect: input-validation/path-traversal-javascript
    res.send(data);
  }

  @Get('download-safe')
  downloadSafe(@Query('file') file: string, @Res() res: Response) {
    const data = fs.readFileSync(path.join(REPORT_DIR, path.basename(file)));
    res.send(data);
  }

  @Get(':id/convert')
  convert(@Param('id') id: string, @Query('format') format: string) {
    return execSync(`convert ${REPORT_DIR}/${id}.pdf out.${format}`).toString();  // expect: input-validation/command-injection-javascript
  }

  @Post('preview')
  preview(@Body('template') template: string) {
    return ejs.render(template, { title: 'Preview' });  // expect: input-validation/ssti-javascript
  }

  @Post('preview-safe')
  previewSafe(@Body('title') title: string) {
    return ejs.render('<h1><%= title %></h1>', { title });
  }

  @Get('list')
  async list(@Query('owner') owner: string) {
    return this.reports.find({ where: { owner } });
  }
}
