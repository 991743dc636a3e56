import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, Public } from '../../common/decorators';
import { UnsubscribeInfoDto, UnsubscribeQueryDto, UnsubscribeResultDto } from './unsubscribe.dto';
import { confirmPage, donePage } from './unsubscribe.page';
import { UnsubscribeService } from './unsubscribe.service';

const wantsHtml = (accept?: string): boolean => Boolean(accept?.includes('text/html'));

/** The target of every email's unsubscribe link and `List-Unsubscribe` header. No login. */
@ApiTags('mail')
@Controller('unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  /** A confirmation page (HTML for browsers, JSON otherwise). Changes nothing. */
  @Get()
  @ApiProduces('text/html', 'application/json')
  @ApiOkResponse({
    description: 'A confirmation page (text/html) or `{scope}`',
    type: UnsubscribeInfoDto,
  })
  @ApiProblems(400)
  showUnsubscribe(
    @Query() query: UnsubscribeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): UnsubscribeInfoDto | string {
    const { scope } = this.unsubscribe.inspect(query.token);
    if (!wantsHtml(accept)) return { scope };
    void reply.type('text/html; charset=utf-8');
    return confirmPage(scope, query.token);
  }

  /**
   * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` here; the
   * confirmation page's button does the same. Turns that kind of email off for the token's user.
   */
  @Post()
  @HttpCode(200)
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description: 'Unsubscribed (JSON, or a page for browsers)',
    type: UnsubscribeResultDto,
  })
  @ApiProblems(400)
  async unsubscribeOneClick(
    @Query() query: UnsubscribeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribeResultDto | string> {
    const { scope } = await this.unsubscribe.unsubscribe(query.token);
    if (!wantsHtml(accept)) return { unsubscribed: true, scope };
    void reply.type('text/html; charset=utf-8');
    return donePage(scope);
  }
}
