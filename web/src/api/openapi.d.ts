/**
 * GENERATED from the server's OpenAPI document by `npm run api:types` (scripts/openapi.ts). Do not edit:
 * change the route schemas on the server and regenerate. web/src/api/types.ts names these shapes.
 */
export interface paths {
  '/api/v1/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every admin action, newest first: who, what, when, before and after */
    get: {
      parameters: {
        query?: {
          action?: string;
          actorId?: string;
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
          targetId?: string;
          targetType?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                actor: {
                  email: string | null;
                  /** Format: uuid */
                  id: string;
                };
                after: unknown;
                /** Format: date-time */
                at: string;
                before: unknown;
                id: string;
                requestId: string | null;
                target: {
                  id: string;
                  type: string;
                } | null;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/banned-words': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The banned-words list (금칙어), alphabetical */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: uuid
                 * @description The admin who added it; null for defaults
                 */
                addedBy: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** @description The matching form: NFKC, lower case, no spaces or punctuation */
                word: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a banned word; enforced on every instance within BANNED_WORDS_CHECK_MS */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Korean or English; spaces and punctuation are ignored */
            word: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description The admin who added it; null for defaults
               */
              addedBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              /** @description The matching form: NFKC, lower case, no spaces or punctuation */
              word: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/banned-words/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a banned word */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/chat/messages/{id}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete a message: gone from history, removed live on every socket (idempotent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Message id */
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/chat/mutes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mute a user in a performance's room for some minutes (a new mute replaces the old) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description How long, up to 30 days */
            minutes: number;
            /** Format: uuid */
            performanceId: string;
            /** Format: uuid */
            userId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              performanceId: string;
              /** Format: date-time */
              until: string;
              /** Format: uuid */
              userId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/check-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check a ticket in at the door (ADMIN or STAFF): ISSUED → USED exactly once
     * @description Every answer names the show, date, seat and holder (nickname, masked email). With `showtimeId` (the door's showtime) another showtime's ticket is 409 WRONG_SHOWTIME naming its showtime; without it any showtime is admitted. A revoked ticket is 409 TICKET_REVOKED, a used one 409 TICKET_ALREADY_USED with `usedAt`; a code that is not a genuine ticket is 400 INVALID_TICKET.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            /**
             * Format: uuid
             * @description The showtime this gate admits to
             */
            showtimeId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Who bought the ticket: enough for the door to match a person, no more */
              holder: {
                /** @description Masked: the first letters and the domain, e.g. `ki***@example.com` */
                email: string;
                nickname: string;
              } | null;
              seat: {
                grade: string;
                number: number;
                row: string;
                section: string;
              };
              /** @description The showtime the ticket admits to; null if the catalogue no longer has it */
              show: {
                /** Format: uuid */
                performanceId: string;
                /** Format: uuid */
                showtimeId: string;
                /** Format: date-time */
                startsAt: string;
                /** @description The performance's title */
                title: string;
                venue: string;
              } | null;
              /** Format: uuid */
              showtimeId: string;
              /** @enum {string} */
              status: 'USED';
              /** Format: uuid */
              ticketId: string;
              /** @description The ticket type it was sold as; null for tickets issued before types existed */
              ticketType: {
                code: string;
                /** @description As the buyer and the door read it, e.g. 청소년 */
                name: string;
                /** @description The holder shows a proof (student card, welfare card) at the door */
                proofRequired: boolean;
              } | null;
              /** Format: date-time */
              usedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description WRONG_SHOWTIME, TICKET_REVOKED or TICKET_ALREADY_USED */
              code: string;
              detail: string;
              /** Format: uuid */
              gateShowtimeId?: string;
              /** @description Who bought the ticket: enough for the door to match a person, no more */
              holder?: {
                /** @description Masked: the first letters and the domain, e.g. `ki***@example.com` */
                email: string;
                nickname: string;
              } | null;
              seat?: {
                grade: string;
                number: number;
                row: string;
                section: string;
              };
              /** @description The showtime the ticket admits to; null if the catalogue no longer has it */
              show?: {
                /** Format: uuid */
                performanceId: string;
                /** Format: uuid */
                showtimeId: string;
                /** Format: date-time */
                startsAt: string;
                /** @description The performance's title */
                title: string;
                venue: string;
              } | null;
              /** Format: uuid */
              showtimeId?: string;
              status: number;
              /** Format: uuid */
              ticketId?: string;
              ticketStatus?: 'ISSUED' | 'USED' | 'REVOKED';
              /** @description The ticket type it was sold as; null for tickets issued before types existed */
              ticketType?: {
                code: string;
                /** @description As the buyer and the door read it, e.g. 청소년 */
                name: string;
                /** @description The holder shows a proof (student card, welfare card) at the door */
                proofRequired: boolean;
              } | null;
              title: string;
              type: string;
              /**
               * Format: date-time
               * @description When it was checked in (TICKET_ALREADY_USED)
               */
              usedAt?: string | null;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/check-ins/showtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Showtimes a door can serve (ADMIN or STAFF): today's and the next days', earliest first
     * @description From the start of today (Asia/Seoul) to `days` from now, at most 200, each with its tickets issued and checked in so far.
     */
    get: {
      parameters: {
        query?: {
          /** @description How far ahead to list, from now; the list starts at the beginning of today (Seoul) */
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              checkedIn: number;
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              performanceId: string;
              /** Format: date-time */
              startsAt: string;
              /** @description Tickets that admit someone (issued or used) */
              ticketsIssued: number;
              title: string;
              venue: string;
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List coupons, newest first (admin) */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: date-time
                 * @description Created
                 */
                createdAt: string;
                discountType: 'FIXED' | 'PERCENT';
                discountValue: number;
                /** Format: uuid */
                id: string;
                issued: number;
                /**
                 * Format: date-time
                 * @description Issuing closes
                 */
                issueEndsAt: string;
                /**
                 * Format: date-time
                 * @description Issuing opens
                 */
                issueStartsAt: string;
                maxDiscount: number | null;
                minOrderAmount: number;
                name: string;
                stock: number;
                /**
                 * Format: date-time
                 * @description Last moment of use
                 */
                validUntil: string;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a coupon (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            discountType: 'FIXED' | 'PERCENT';
            /** @description KRW for FIXED, percent (1–100) for PERCENT */
            discountValue: number;
            /**
             * Format: date-time
             * @description Issuing closes (after issueStartsAt, in the future)
             */
            issueEndsAt: string;
            /**
             * Format: date-time
             * @description Issuing opens
             */
            issueStartsAt: string;
            /** @description Cap in KRW (PERCENT only) */
            maxDiscount?: number;
            /** @description Smallest order the coupon applies to (KRW) */
            minOrderAmount?: number;
            name: string;
            stock: number;
            /**
             * Format: date-time
             * @description Issued copies can be used until (after issueStartsAt)
             */
            validUntil: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/coupons/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Stop issuing now; copies already issued stay valid */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date-time
               * @description Created
               */
              createdAt: string;
              discountType: 'FIXED' | 'PERCENT';
              discountValue: number;
              /** Format: uuid */
              id: string;
              issued: number;
              /**
               * Format: date-time
               * @description Issuing closes
               */
              issueEndsAt: string;
              /**
               * Format: date-time
               * @description Issuing opens
               */
              issueStartsAt: string;
              maxDiscount: number | null;
              minOrderAmount: number;
              name: string;
              stock: number;
              /**
               * Format: date-time
               * @description Last moment of use
               */
              validUntil: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Edit a coupon: name, stock (only upward once issuing started), closing time, validity */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date-time
             * @description Issuing closes
             */
            issueEndsAt?: string;
            name?: string;
            /** @description Only upward once issuing has started */
            stock?: number;
            /**
             * Format: date-time
             * @description Copies can be used until
             */
            validUntil?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date-time
               * @description Created
               */
              createdAt: string;
              discountType: 'FIXED' | 'PERCENT';
              discountValue: number;
              /** Format: uuid */
              id: string;
              issued: number;
              /**
               * Format: date-time
               * @description Issuing closes
               */
              issueEndsAt: string;
              /**
               * Format: date-time
               * @description Issuing opens
               */
              issueStartsAt: string;
              maxDiscount: number | null;
              minOrderAmount: number;
              name: string;
              stock: number;
              /**
               * Format: date-time
               * @description Last moment of use
               */
              validUntil: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/coupons/{id}/holders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who holds a copy, and which were used (with the reservation) */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              coupon: {
                /** Format: uuid */
                id: string;
                issued: number;
                name: string;
                stock: number;
                used: number;
              };
              items: {
                /** Format: date-time */
                issuedAt: string;
                /** Format: uuid */
                reservationId: string | null;
                status: 'AVAILABLE' | 'RESERVED' | 'USED';
                /** Format: date-time */
                usedAt: string | null;
                user: {
                  email: string | null;
                  /** Format: uuid */
                  id: string;
                  nickname: string | null;
                };
                /** Format: uuid */
                userCouponId: string;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inquiries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The support desk: OPEN ones oldest waiting first, others by latest activity */
    get: {
      parameters: {
        query?: {
          /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
          category?: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
          status?: 'OPEN' | 'ANSWERED' | 'CLOSED';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                bookingNumber: string | null;
                buyer: {
                  email: string;
                  /** Format: uuid */
                  id: string;
                  nickname: string;
                };
                /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
                category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
                /** Format: date-time */
                closedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                messageCount: number;
                /** Format: uuid */
                reservationId: string | null;
                status: 'OPEN' | 'ANSWERED' | 'CLOSED';
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: date-time
                 * @description Since when the buyer waits (OPEN)
                 */
                waitingSince: string | null;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inquiries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One inquiry with its buyer and thread */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bookingNumber: string | null;
              buyer: {
                email: string;
                /** Format: uuid */
                id: string;
                nickname: string;
              };
              /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
              category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              messageCount: number;
              messages: {
                author: {
                  /** @description The buyer's nickname, or 고객센터 for staff */
                  nickname: string;
                  staff: boolean;
                };
                /** @description Plain text; line breaks are kept */
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
              }[];
              /** Format: uuid */
              reservationId: string | null;
              status: 'OPEN' | 'ANSWERED' | 'CLOSED';
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /** Format: date-time */
              waitingSince: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inquiries/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close an inquiry (idempotent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bookingNumber: string | null;
              /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
              category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** @description An answer came after the buyer last opened the thread */
              hasUnreadAnswer: boolean;
              /** Format: uuid */
              id: string;
              messageCount: number;
              /** Format: uuid */
              reservationId: string | null;
              status: 'OPEN' | 'ANSWERED' | 'CLOSED';
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inquiries/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer as 고객센터: the inquiry becomes ANSWERED and the buyer is notified */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                /** @description The buyer's nickname, or 고객센터 for staff */
                nickname: string;
                staff: boolean;
              };
              /** @description Plain text; line breaks are kept */
              body: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/issuance-failures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ticket issuances that failed for good (dead-lettered), newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              failedAt: string;
              /** Format: uuid */
              id: string;
              messageId: string;
              reason: string;
              /** Format: uuid */
              reservationId: string | null;
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search orders; format=csv streams every match as a CSV file */
    get: {
      parameters: {
        query?: {
          /** @description csv: every matching order as a streamed CSV file (UTF-8 with BOM), no paging */
          format?: 'json' | 'csv';
          /** @description Ordered at or after */
          from?: string;
          /** @description 1-based page number */
          page?: number;
          /** @description Email, nickname, phone, booking number or reservation id */
          q?: string;
          showtimeId?: string;
          /** @description Items per page */
          size?: number;
          status?: 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';
          /** @description Ordered before */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                booker: {
                  name: string | null;
                  phone: string | null;
                } | null;
                bookingNumber: string;
                buyer: {
                  email: string;
                  /** Format: uuid */
                  id: string;
                  nickname: string;
                  phone: string | null;
                } | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                paymentStatus: string;
                refunded: number;
                showtime: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  performanceId: string;
                  /** Format: date-time */
                  startsAt: string | null;
                  title: string | null;
                };
                status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';
                total: number;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order: buyer, seats, tickets, payment timeline and refunds */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amount: number;
              booker: {
                name: string | null;
                phone: string | null;
              } | null;
              bookingNumber: string;
              buyer: {
                email: string;
                /** Format: uuid */
                id: string;
                nickname: string;
                phone: string | null;
              } | null;
              cancelInProgress: boolean;
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              confirmedAt: string | null;
              couponUsed: boolean;
              /** Format: date-time */
              createdAt: string;
              discount: number;
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              paymentId: string;
              paymentStatus: string;
              /** @description KRW that can still be refunded */
              refundable: number;
              refunded: number;
              refunds: {
                /** Format: uuid */
                actorId: string | null;
                amount: number;
                /** Format: date-time */
                completedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                kind: 'BUYER' | 'ADMIN' | 'ISSUANCE_FAILURE';
                reason: string;
                status: 'PENDING' | 'DONE';
              }[];
              seats: {
                grade: string;
                /** Format: uuid */
                id: string;
                number: number;
                price: number;
                row: string;
                section: string;
                ticketType: string | null;
              }[];
              showtime: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                performanceId: string;
                /** Format: date-time */
                startsAt: string | null;
                title: string | null;
              };
              status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';
              tickets: {
                id: string;
                issuedAt: string;
                seat: {
                  number: number;
                  row: string;
                  section: string;
                };
                status: string;
                usedAt: string | null;
              }[];
              timeline: {
                /** Format: date-time */
                at: string;
                detail: {
                  [key: string]: unknown;
                } | null;
                kind: 'STATE' | 'WEBHOOK' | 'REFUND';
                paymentStatus: string | null;
                status: string | null;
                step: string | null;
              }[];
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a paid order (or refund more of a cancelled one): all that is left by default, or an amount, whatever the buyer policy */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** @description KRW; absent: everything left */
            refundAmount?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amount: number;
              booker: {
                name: string | null;
                phone: string | null;
              } | null;
              bookingNumber: string;
              buyer: {
                email: string;
                /** Format: uuid */
                id: string;
                nickname: string;
                phone: string | null;
              } | null;
              cancelInProgress: boolean;
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              confirmedAt: string | null;
              couponUsed: boolean;
              /** Format: date-time */
              createdAt: string;
              discount: number;
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              paymentId: string;
              paymentStatus: string;
              /** @description KRW that can still be refunded */
              refundable: number;
              refunded: number;
              refunds: {
                /** Format: uuid */
                actorId: string | null;
                amount: number;
                /** Format: date-time */
                completedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                kind: 'BUYER' | 'ADMIN' | 'ISSUANCE_FAILURE';
                reason: string;
                status: 'PENDING' | 'DONE';
              }[];
              seats: {
                grade: string;
                /** Format: uuid */
                id: string;
                number: number;
                price: number;
                row: string;
                section: string;
                ticketType: string | null;
              }[];
              showtime: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                performanceId: string;
                /** Format: date-time */
                startsAt: string | null;
                title: string | null;
              };
              status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';
              tickets: {
                id: string;
                issuedAt: string;
                seat: {
                  number: number;
                  row: string;
                  section: string;
                };
                status: string;
                usedAt: string | null;
              }[];
              timeline: {
                /** Format: date-time */
                at: string;
                detail: {
                  [key: string]: unknown;
                } | null;
                kind: 'STATE' | 'WEBHOOK' | 'REFUND';
                paymentStatus: string | null;
                status: string | null;
                step: string | null;
              }[];
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/performances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a performance */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ageRating: number;
            cast?: string[];
            /** Format: uuid */
            categoryId: string;
            description?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            endDate: string;
            posterUrl?: string | null;
            prices: {
              grade: string;
              price: number;
            }[];
            runningMinutes: number;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            startDate: string;
            status?: 'DRAFT' | 'ON_SALE' | 'CLOSED';
            /** @description Discounted ticket types besides ADULT, in the order buyers see them (default none) */
            ticketTypes?: {
              /** @description YOUTH, DISABLED, VETERAN or the theatre's own; ADULT (the list price) is always sold and cannot be listed */
              code: string;
              /** @description Percent off the grade price */
              discountPercent: number;
              name: string;
              proofNote?: string | null;
              /** @description The door checks a document (default false) */
              proofRequired?: boolean;
            }[];
            title: string;
            /** Format: uuid */
            venueId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ageRating: number;
              cast: string[];
              category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
              };
              description: string;
              endDate: string;
              /** Format: uuid */
              id: string;
              posterUrl: string;
              prices: {
                grade: string;
                price: number;
              }[];
              runningMinutes: number;
              startDate: string;
              status: 'DRAFT' | 'ON_SALE' | 'CLOSED' | 'ENDED';
              /** @description ADULT (the list price) first, then the discounts the theatre offers */
              ticketTypes: {
                code: string;
                discountPercent: number;
                name: string;
                /** @description This type's price per grade, as checkout charges it */
                prices: {
                  grade: string;
                  price: number;
                }[];
                proofNote: string | null;
                proofRequired: boolean;
              }[];
              title: string;
              venue: {
                address: string;
                directions: string | null;
                /** Format: uuid */
                id: string;
                latitude: number | null;
                longitude: number | null;
                name: string;
                parking: string | null;
                phone: string | null;
              };
              viewCount: number;
              /** @description How many users wished for it (찜); as old as the cached detail, at most about 5 minutes */
              wishCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/performances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Soft-delete a performance */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a performance */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ageRating?: number;
            cast?: string[];
            /** Format: uuid */
            categoryId?: string;
            description?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            endDate?: string;
            posterUrl?: string | null;
            prices?: {
              grade: string;
              price: number;
            }[];
            runningMinutes?: number;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            startDate?: string;
            status?: 'DRAFT' | 'ON_SALE' | 'CLOSED';
            /** @description Discounted ticket types besides ADULT, in the order buyers see them (default none) */
            ticketTypes?: {
              /** @description YOUTH, DISABLED, VETERAN or the theatre's own; ADULT (the list price) is always sold and cannot be listed */
              code: string;
              /** @description Percent off the grade price */
              discountPercent: number;
              name: string;
              proofNote?: string | null;
              /** @description The door checks a document (default false) */
              proofRequired?: boolean;
            }[];
            title?: string;
            /** Format: uuid */
            venueId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ageRating: number;
              cast: string[];
              category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
              };
              description: string;
              endDate: string;
              /** Format: uuid */
              id: string;
              posterUrl: string;
              prices: {
                grade: string;
                price: number;
              }[];
              runningMinutes: number;
              startDate: string;
              status: 'DRAFT' | 'ON_SALE' | 'CLOSED' | 'ENDED';
              /** @description ADULT (the list price) first, then the discounts the theatre offers */
              ticketTypes: {
                code: string;
                discountPercent: number;
                name: string;
                /** @description This type's price per grade, as checkout charges it */
                prices: {
                  grade: string;
                  price: number;
                }[];
                proofNote: string | null;
                proofRequired: boolean;
              }[];
              title: string;
              venue: {
                address: string;
                directions: string | null;
                /** Format: uuid */
                id: string;
                latitude: number | null;
                longitude: number | null;
                name: string;
                parking: string | null;
                phone: string | null;
              };
              viewCount: number;
              /** @description How many users wished for it (찜); as old as the cached detail, at most about 5 minutes */
              wishCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/performances/{id}/poster': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Upload the performance's poster (JPEG, PNG or WebP, ≤ 5 MB); the old uploaded poster is deleted */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              height: number;
              /** @description The performance's posterUrl now (the largest JPEG) */
              url: string;
              width: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    /** Go back to the generated poster; the uploaded one is deleted */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/performances/{id}/showtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a showtime; its seats are generated from the venue sections and grade prices */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description This showtime's cast (default: none listed) */
            cast?: string[];
            maxTicketsPerUser: number;
            queue?: {
              admitPerSecond?: number;
              enabled: boolean;
              maxActive?: number;
              /** @description The waiting room opens this many minutes before salesOpenAt (default QUEUE_OPENS_BEFORE_SALES_MINUTES); entrants before salesOpenAt are drawn at random at the open */
              opensBeforeMinutes?: number;
              /** @description The challenge maxnumber (about half as many hashes on average); null = QUEUE_POW_DIFFICULTY. Raised automatically for an address that enters in bursts */
              powDifficulty?: number | null;
              /** @description Entering the waiting room needs a solved proof-of-work challenge (GET …/queue/challenge); default off */
              proofOfWork?: boolean;
              sessionSeconds?: number;
            };
            /** Format: date-time */
            salesCloseAt: string;
            /** Format: date-time */
            salesOpenAt: string;
            /** Format: date-time */
            startsAt: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              seatCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The review moderation queue: reported reviews first, with their report reasons */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description true: only visible reviews with reports; false: every review, reported ones first */
          reported?: boolean;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                author: {
                  nickname: string;
                };
                /** @description Plain text as written; render it as text */
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                editedAt?: string;
                helpfulCount: number;
                hidden?: {
                  /** Format: date-time */
                  at: string;
                  reason: string;
                };
                /** Format: uuid */
                id: string;
                /** @description The caller wrote it (signed-in callers) */
                mine?: boolean;
                performance: {
                  /** Format: uuid */
                  id: string;
                  title: string;
                };
                rating: number;
                reply?: {
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                };
                reportCount: number;
                /** @description The caller reported it (signed-in callers) */
                reported?: boolean;
                /** @description The newest report reasons (up to 5) */
                reports: {
                  /** Format: date-time */
                  createdAt: string;
                  reason: string;
                }[];
                /** @description The caller voted it helpful (signed-in callers) */
                votedHelpful?: boolean;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews/{id}/hide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hide a review (it leaves the list and the aggregates; the author is notified) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                nickname: string;
              };
              /** @description Plain text as written; render it as text */
              body: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              editedAt?: string;
              helpfulCount: number;
              hidden?: {
                /** Format: date-time */
                at: string;
                reason: string;
              };
              /** Format: uuid */
              id: string;
              /** @description The caller wrote it (signed-in callers) */
              mine?: boolean;
              performance: {
                /** Format: uuid */
                id: string;
                title: string;
              };
              rating: number;
              reply?: {
                body: string;
                /** Format: date-time */
                createdAt: string;
              };
              reportCount: number;
              /** @description The caller reported it (signed-in callers) */
              reported?: boolean;
              /** @description The newest report reasons (up to 5) */
              reports: {
                /** Format: date-time */
                createdAt: string;
                reason: string;
              }[];
              /** @description The caller voted it helpful (signed-in callers) */
              votedHelpful?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The theatre's reply under a review (replaces an earlier one; the author is notified) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                nickname: string;
              };
              /** @description Plain text as written; render it as text */
              body: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              editedAt?: string;
              helpfulCount: number;
              hidden?: {
                /** Format: date-time */
                at: string;
                reason: string;
              };
              /** Format: uuid */
              id: string;
              /** @description The caller wrote it (signed-in callers) */
              mine?: boolean;
              performance: {
                /** Format: uuid */
                id: string;
                title: string;
              };
              rating: number;
              reply?: {
                body: string;
                /** Format: date-time */
                createdAt: string;
              };
              reportCount: number;
              /** @description The caller reported it (signed-in callers) */
              reported?: boolean;
              /** @description The newest report reasons (up to 5) */
              reports: {
                /** Format: date-time */
                createdAt: string;
                reason: string;
              }[];
              /** @description The caller voted it helpful (signed-in callers) */
              votedHelpful?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/showtimes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A showtime as the console edits it: times, limit, waiting room and sold seats */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cast: string[];
              /** Format: uuid */
              id: string;
              maxTicketsPerUser: number;
              /** Format: uuid */
              performanceId: string;
              queue: {
                admitPerSecond: number;
                enabled: boolean;
                maxActive: number;
                opensBeforeMinutes: number | null;
                powDifficulty: number | null;
                proofOfWork: boolean;
                sessionSeconds: number;
              };
              /** Format: date-time */
              salesCloseAt: string;
              /** Format: date-time */
              salesOpenAt: string;
              seatCount: number;
              soldSeats: number;
              /** Format: date-time */
              startsAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Soft-delete a showtime */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a showtime: times (create rules), limit, waiting room; the start is fixed once a seat is sold, the opening once sales have opened */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description This showtime's cast (default: none listed) */
            cast?: string[];
            maxTicketsPerUser?: number;
            queue?: {
              admitPerSecond?: number;
              enabled?: boolean;
              maxActive?: number;
              /** @description The waiting room opens this many minutes before salesOpenAt (default QUEUE_OPENS_BEFORE_SALES_MINUTES); entrants before salesOpenAt are drawn at random at the open */
              opensBeforeMinutes?: number;
              /** @description The challenge maxnumber (about half as many hashes on average); null = QUEUE_POW_DIFFICULTY. Raised automatically for an address that enters in bursts */
              powDifficulty?: number | null;
              /** @description Entering the waiting room needs a solved proof-of-work challenge (GET …/queue/challenge); default off */
              proofOfWork?: boolean;
              sessionSeconds?: number;
            };
            /** Format: date-time */
            salesCloseAt?: string;
            /** Format: date-time */
            salesOpenAt?: string;
            /** Format: date-time */
            startsAt?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cast: string[];
              /** Format: uuid */
              id: string;
              maxTicketsPerUser: number;
              /** Format: uuid */
              performanceId: string;
              queue: {
                admitPerSecond: number;
                enabled: boolean;
                maxActive: number;
                opensBeforeMinutes: number | null;
                powDifficulty: number | null;
                proofOfWork: boolean;
                sessionSeconds: number;
              };
              /** Format: date-time */
              salesCloseAt: string;
              /** Format: date-time */
              salesOpenAt: string;
              seatCount: number;
              soldSeats: number;
              /** Format: date-time */
              startsAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/showtimes/{id}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A showtime's live figures: line, admissions, sales and their recent series */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: number;
              admittedPerSecond: number;
              /** @description The waiting room: its draw and proof of work; null for a showtime without one */
              fairness: {
                baseDifficulty: number;
                /** @description SHA-256 of the draw's seed */
                commitment: string | null;
                /** @description The highest difficulty handed out in the last 10 s */
                difficulty: number;
                /** Format: date-time */
                drawnAt: string | null;
                /** @description Waiting for the draw, or ordered by it once drawn */
                earlyEntrants: number;
                /** @description New entries per second since the previous look */
                entriesPerSecond: number;
                proofOfWork: boolean;
              } | null;
              held: number;
              /** @description Sum of list prices of SOLD seats (KRW), before discounts */
              revenue: number;
              /** @description One point per 10 s, oldest first, up to one hour */
              series: {
                active: number;
                revenue: number;
                sold: number;
                /** Format: date-time */
                t: string;
                waiting: number;
              }[];
              /** Format: uuid */
              showtimeId: string;
              sold: number;
              waiting: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload an image (JPEG, PNG or WebP, ≤ 5 MB): stored in the poster sizes as WebP and JPEG
     * @description multipart/form-data with one file in the field `file`: JPEG, PNG or WebP (by content), at most UPLOAD_MAX_BYTES (5 MB)
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              height: number;
              /** @description The largest JPEG; the other sizes and the WebP files share its name */
              url: string;
              width: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search accounts by email, nickname or phone */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          q?: string;
          role?: 'USER' | 'STAFF' | 'ADMIN';
          /** @description Items per page */
          size?: number;
          suspended?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                email: string;
                /** Format: uuid */
                id: string;
                nickname: string;
                phone: string | null;
                role: 'USER' | 'STAFF' | 'ADMIN';
                suspended: boolean;
                /** Format: date-time */
                suspendedAt: string | null;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a role or suspend (sessions end within seconds); not one’s own demotion or suspension */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            role?: 'USER' | 'STAFF' | 'ADMIN';
            suspended?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              email: string;
              /** Format: uuid */
              id: string;
              nickname: string;
              phone: string | null;
              role: 'USER' | 'STAFF' | 'ADMIN';
              suspended: boolean;
              /** Format: date-time */
              suspendedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/venues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List venues */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              directions: string | null;
              grades: string[];
              /** Format: uuid */
              id: string;
              latitude: number | null;
              longitude: number | null;
              name: string;
              parking: string | null;
              phone: string | null;
              seatCount: number;
            }[];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a venue with its sections */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address: string;
            directions?: string | null;
            /** @description WGS84 degrees, -90..90; null with longitude when unknown */
            latitude?: number | null;
            /** @description WGS84 degrees, -180..180; null with latitude when unknown */
            longitude?: number | null;
            name: string;
            parking?: string | null;
            phone?: string | null;
            sections: {
              grade: string;
              name: string;
              rows: number;
              seatsPerRow: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              seatCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/venues/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Soft-delete a venue */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Edit a venue: name, address, location and how to reach it (not its sections) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: string;
            directions?: string | null;
            /** @description WGS84 degrees, -90..90; null with longitude when unknown */
            latitude?: number | null;
            /** @description WGS84 degrees, -180..180; null with latitude when unknown */
            longitude?: number | null;
            name?: string;
            parking?: string | null;
            phone?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string;
              directions: string | null;
              grades: string[];
              /** Format: uuid */
              id: string;
              latitude: number | null;
              longitude: number | null;
              name: string;
              parking: string | null;
              phone: string | null;
              seatCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/assistant': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the AI assistant is available (the web app shows it only then), and its daily limit */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false when no model server is configured: the web app hides the assistant */
              available: boolean;
              /** @description Questions one user may ask per Korean calendar day */
              dailyLimit: number;
              /** @description Questions the caller has left today (signed-in callers only) */
              remainingToday?: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assistant/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your conversations with the assistant (another user's is 404) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              /** @description Questions and answers, oldest first (tool calls and results are kept but not shown) */
              messages: {
                cards: {
                  kind: 'performance' | 'showtime' | 'reservation';
                  /** @description A path of the web app: the show, a showtime's booking page, or 내 예매 */
                  link: string;
                  /** Format: uuid */
                  performanceId?: string;
                  /** Format: uuid */
                  reservationId?: string;
                  /** Format: uuid */
                  showtimeId?: string;
                  subtitle: string;
                  title: string;
                }[];
                /** Format: date-time */
                createdAt: string;
                role: 'user' | 'assistant';
                text: string;
              }[];
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assistant/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask the assistant: the answer streams back as server-sent events
     * @description Events: `delta` (data = {text}) pieces of the answer as the model writes them; then `done` (data = {conversationId, cards}) where cards are links derived by the server from what the tools found (performance, showtime, reservation); or `error` (data = {code, message, conversationId}) when the model server fails or stalls once the answer has begun (ASSISTANT_TIMEOUT, ASSISTANT_UNAVAILABLE, ASSISTANT_BUSY). Before the stream starts, failures are problems: 503 ASSISTANT_UNAVAILABLE (not configured, or the model server is down), 504 ASSISTANT_TIMEOUT, 429 RATE_LIMITED (`limit: "daily"`, Retry-After until the next Korean day), 429 ASSISTANT_BUSY (the per-minute token budget; Retry-After), 404 CONVERSATION_NOT_FOUND, 429 STREAM_LIMIT. Render the text as text.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description Continue this conversation (yours); omit to start a new one
             */
            conversationId?: string;
            /** @description The question, in any language */
            text: string;
          };
        };
      };
      responses: {
        /** @description An event stream (text/event-stream) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        504: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/email-verifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a 6-digit code valid 5 minutes (resend throttled per email) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Seconds the code stays valid */
              expiresIn: number;
              /** @enum {string} */
              status: 'sent';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/email-verifications/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trade the mailed code for a verificationToken (at most 5 wrong tries per code) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              verificationToken: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/find-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a masked hint of the account's email to each matching account (202 always)
     * @description Give `{nickname, birthDate}` or `{phone}` (as saved in the profile). The hint goes to the matching account's own address, never into the response. 5 requests a minute per client address, then 429.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** Format: date */
                birthDate: string;
                nickname: string;
              }
            | {
                phone: string;
              };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'accepted';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in: access token in the body, refresh token in an HttpOnly cookie
     * @description Rate-limited per client address (20 a minute), per account and address (5 attempts per 15 minutes), and per account from addresses where it has not signed in recently (a growing delay after 5 attempts): 429 RATE_LIMITED with Retry-After.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              /** @description Seconds until the access token expires */
              expiresIn: number;
              /** @enum {string} */
              tokenType: 'Bearer';
              user: {
                birthDate?: string;
                /** @description Current consents; on GET and PATCH /users/me */
                consents?: {
                  marketing: {
                    /**
                     * Format: date-time
                     * @description The last change; absent if never chosen
                     */
                    at?: string;
                    granted: boolean;
                  };
                  /**
                   * Format: date-time
                   * @description When agreed
                   */
                  privacy?: string;
                  /**
                   * Format: date-time
                   * @description When agreed
                   */
                  terms?: string;
                };
                email: string;
                /** Format: uuid */
                id: string;
                /** @description The language mail is written in */
                language: 'ko' | 'en';
                nickname: string;
                phone?: string;
                /** Format: date-time */
                privacyAgreedAt?: string;
                role: 'USER' | 'STAFF' | 'ADMIN';
                /** Format: date-time */
                termsAgreedAt?: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the session of the refresh cookie: refresh refused, its access tokens refused everywhere */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oauth/{provider}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The provider sends the browser back here; redirects to the web app, signed in
     * @description Signed in: 302 to /auth/callback?next=…, refresh cookie set (the web app refreshes for an access token). Linked: 302 to `next` with `?linked=<provider>`. Failed: 302 to /login (or the link's page) with `?error=OAUTH_FAILED` (or OAUTH_EMAIL_IN_USE, OAUTH_EMAIL_REQUIRED, OAUTH_IDENTITY_TAKEN); a client accepting only JSON gets that problem as 400/409 instead.
     */
    get: {
      parameters: {
        query?: {
          code?: string;
          error?: string;
          state?: string;
        };
        header?: never;
        path: {
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Redirect (Location header) */
        302: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oauth/{provider}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Redirect to the provider's sign-in page (state, and PKCE where the provider takes it)
     * @description With `link=<ticket>` (POST /auth/oauth/link-tickets) the provider is linked to the ticket's account instead of signing in. A used or unknown ticket redirects to `next` (default /profile) with `?error=OAUTH_FAILED`.
     */
    get: {
      parameters: {
        query?: {
          /** @description A link ticket: link the provider to its user */
          link?: string;
          /** @description Web app path to land on afterwards */
          next?: string;
        };
        header?: never;
        path: {
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Redirect (Location header) */
        302: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oauth/link-tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A one-time ticket to link a provider: the start is a full-page visit without the access token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Seconds the ticket stays valid */
              expiresIn: number;
              /** @description Pass as `link` to GET /auth/oauth/{provider}/start; works once */
              ticket: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oauth/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Social sign-in providers configured here (the web app shows only these) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Providers configured on this server, in display order */
              providers: ('kakao' | 'naver' | 'google')[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-resets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a single-use link to reset the password (202 whatever the address)
     * @description The link (`/reset-password?token=…`) works once, for 30 minutes. The answer never says whether the address has an account: the mail is queued and sent by the worker. At most 3 mails per account an hour (further requests mail nothing); 5 requests a minute per client address, then 429. Mail is in Korean unless Accept-Language prefers English.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'accepted';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-resets/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with the mailed token; every session of the account ends
     * @description The password policy is the one of signup (400 WEAK_PASSWORD names each broken rule; the link stays usable). An unknown, used or expired token is 400 INVALID_RESET_TOKEN. A notice is mailed to the account.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            newPassword: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the refresh cookie and get a new access token
     * @description A refresh token works once; presenting a used one revokes its whole family (401 REFRESH_TOKEN_REUSED).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              /** @description Seconds until the access token expires */
              expiresIn: number;
              /** @enum {string} */
              tokenType: 'Bearer';
              user: {
                birthDate?: string;
                /** @description Current consents; on GET and PATCH /users/me */
                consents?: {
                  marketing: {
                    /**
                     * Format: date-time
                     * @description The last change; absent if never chosen
                     */
                    at?: string;
                    granted: boolean;
                  };
                  /**
                   * Format: date-time
                   * @description When agreed
                   */
                  privacy?: string;
                  /**
                   * Format: date-time
                   * @description When agreed
                   */
                  terms?: string;
                };
                email: string;
                /** Format: uuid */
                id: string;
                /** @description The language mail is written in */
                language: 'ko' | 'en';
                nickname: string;
                phone?: string;
                /** Format: date-time */
                privacyAgreedAt?: string;
                role: 'USER' | 'STAFF' | 'ADMIN';
                /** Format: date-time */
                termsAgreedAt?: string;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a USER account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Older spelling of `consents` (terms and privacy only) */
            agreements?: {
              /** @description Agreed to the collection and use of personal data */
              privacy: boolean;
              /** @description Agreed to the terms of service (recorded with the server time) */
              terms: boolean;
            };
            /** Format: date */
            birthDate?: string;
            /** @description Each one given is recorded with the server time */
            consents?: {
              /** @description Opted in to marketing messages (optional; changeable in the profile) */
              marketing?: boolean;
              /** @description Agreed to the collection and use of personal data */
              privacy: boolean;
              /** @description Agreed to the terms of service */
              terms: boolean;
            };
            /** Format: email */
            email: string;
            nickname: string;
            password: string;
            phone?: string;
            verificationToken?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              birthDate?: string;
              /** @description Current consents; on GET and PATCH /users/me */
              consents?: {
                marketing: {
                  /**
                   * Format: date-time
                   * @description The last change; absent if never chosen
                   */
                  at?: string;
                  granted: boolean;
                };
                /**
                 * Format: date-time
                 * @description When agreed
                 */
                privacy?: string;
                /**
                 * Format: date-time
                 * @description When agreed
                 */
                terms?: string;
              };
              email: string;
              /** Format: uuid */
              id: string;
              /** @description The language mail is written in */
              language: 'ko' | 'en';
              nickname: string;
              phone?: string;
              /** Format: date-time */
              privacyAgreedAt?: string;
              role: 'USER' | 'STAFF' | 'ADMIN';
              /** Format: date-time */
              termsAgreedAt?: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Categories */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
            }[];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/chat/messages/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a message to the moderators (once per user and message) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Message id */
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Coupons issuable now, with remaining stock
     * @description Read from the replica when one is configured; a signed-in caller who has just written reads the primary.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              discountType: 'FIXED' | 'PERCENT';
              discountValue: number;
              /** Format: uuid */
              id: string;
              /**
               * Format: date-time
               * @description Issuing closes
               */
              issueEndsAt: string;
              /**
               * Format: date-time
               * @description Issuing opens
               */
              issueStartsAt: string;
              maxDiscount: number | null;
              minOrderAmount: number;
              name: string;
              /** @description Copies left to issue */
              remaining: number;
              /**
               * Format: date-time
               * @description Last moment of use
               */
              validUntil: string;
            }[];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coupons/{id}/issue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Claim one copy of a coupon (first come, first served) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              couponId: string;
              /** Format: uuid */
              userCouponId: string;
              /**
               * Format: date-time
               * @description Last moment of use
               */
              validUntil: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holds/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Release a hold */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holds/{id}/coupon-quotes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Price my held order with each of my coupons (the discount POST /reservations applies)
     * @description Lists my unused, valid coupons with the discount and total each would give this hold, applicable ones first. A coupon that does not apply says why: MIN_ORDER_NOT_MET or RESERVED (held by another unpaid reservation). Another user’s hold is 404 HOLD_NOT_FOUND; a reserved or expired hold is 409 HOLD_EXPIRED. With `ticketTypes` the order is priced as those types (an unknown code is 422 TICKET_TYPE_UNAVAILABLE).
     */
    get: {
      parameters: {
        query?: {
          /** @description The ticket types the order will use, as `seatId:CODE` pairs separated by commas (a seat left out is ADULT) */
          ticketTypes?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description POST /reservations with this coupon would apply it */
              applicable: boolean;
              couponName: string;
              /** @description KRW off the order; 0 when not applicable */
              discount: number;
              /** @description The order amount the coupon needs (0: none) */
              minOrderAmount: number;
              /** @description Why it does not apply: the order is below the minimum, or another unpaid reservation holds it */
              reason?: 'MIN_ORDER_NOT_MET' | 'RESERVED';
              /** @description What the reservation would charge with this coupon */
              total: number;
              /**
               * Format: uuid
               * @description The coupon copy to name in POST /reservations
               */
              userCouponId: string;
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inquiries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your inquiries, latest activity first, with status and an unread-answer flag */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                bookingNumber: string | null;
                /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
                category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
                /** Format: date-time */
                closedAt: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description An answer came after the buyer last opened the thread */
                hasUnreadAnswer: boolean;
                /** Format: uuid */
                id: string;
                messageCount: number;
                /** Format: uuid */
                reservationId: string | null;
                status: 'OPEN' | 'ANSWERED' | 'CLOSED';
                title: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Open a 1:1 inquiry, optionally about one of your reservations
     * @description Title 1–100 and body 1–2000 characters, screened against the banned-words list (422 BANNED_WORDS). A reservationId that is not yours is 404 RESERVATION_NOT_FOUND. Limited per user per hour (429).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
            category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
            /** Format: uuid */
            reservationId?: string;
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bookingNumber: string | null;
              /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
              category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              messageCount: number;
              messages: {
                author: {
                  /** @description The buyer's nickname, or 고객센터 for staff */
                  nickname: string;
                  staff: boolean;
                };
                /** @description Plain text; line breaks are kept */
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
              }[];
              /** Format: uuid */
              reservationId: string | null;
              status: 'OPEN' | 'ANSWERED' | 'CLOSED';
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inquiries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your inquiry with its messages (answers are marked read); others’ are 404 */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bookingNumber: string | null;
              /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
              category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              messageCount: number;
              messages: {
                author: {
                  /** @description The buyer's nickname, or 고객센터 for staff */
                  nickname: string;
                  staff: boolean;
                };
                /** @description Plain text; line breaks are kept */
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
              }[];
              /** Format: uuid */
              reservationId: string | null;
              status: 'OPEN' | 'ANSWERED' | 'CLOSED';
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inquiries/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close your inquiry (a new message of yours reopens it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bookingNumber: string | null;
              /** @description BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타 */
              category: 'BOOKING' | 'PAYMENT' | 'CANCEL' | 'TICKET' | 'ACCOUNT' | 'OTHER';
              /** Format: date-time */
              closedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** @description An answer came after the buyer last opened the thread */
              hasUnreadAnswer: boolean;
              /** Format: uuid */
              id: string;
              messageCount: number;
              /** Format: uuid */
              reservationId: string | null;
              status: 'OPEN' | 'ANSWERED' | 'CLOSED';
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inquiries/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a message: the buyer (reopens it) or an admin (answers it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                /** @description The buyer's nickname, or 고객센터 for staff */
                nickname: string;
                staff: boolean;
              };
              /** @description Plain text; line breaks are kept */
              body: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/media/images/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stored image: content-hashed name, cached for a year (immutable) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an unsubscribe link from a notification mail would turn off (changes nothing) */
    get: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: 'reminders' | 'alerts' | 'marketing';
              emailEnabled: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Turn the mail of an unsubscribe link's category off, without signing in
     * @description The token comes from a non-transactional notification mail; a tampered or malformed one is 400 INVALID_UNSUBSCRIBE_TOKEN. Using it twice is fine.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: 'reminders' | 'alerts' | 'marketing';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unsubscribe/one-click': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** RFC 8058 one-click unsubscribe (List-Unsubscribe-Post), for mail clients */
    post: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: 'reminders' | 'alerts' | 'marketing';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/{paymentId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Settle a payment after the buyer acted at the gateway (verified with the gateway) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          paymentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              reservationId: string;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signed notification from the payment gateway (Standard Webhooks HMAC) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              received: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List and search performances: words (full-text + substring), genre words, spacing, initial consonants and typos; filters for genre, region, dates and price */
    get: {
      parameters: {
        query?: {
          /** @description category slug */
          category?: string;
          /** @description YYYY-MM-DD */
          from?: string;
          /** @description 1-based page number */
          page?: number;
          /** @description some grade costs at most this (KRW) */
          priceMax?: number;
          /** @description some grade costs at least this (KRW) */
          priceMin?: number;
          q?: string;
          /** @description region of the venue: 서울, 경기, 인천, 부산… (a full name such as 서울특별시 also works) */
          region?: string;
          /** @description Items per page */
          size?: number;
          sort?: 'popular' | 'latest' | 'date' | 'views';
          status?: 'DRAFT' | 'ON_SALE' | 'CLOSED' | 'ENDED';
          /** @description YYYY-MM-DD */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description true when nothing matched the words as typed and these were found by spacing, initial consonants or a typo */
              approximate?: boolean;
              items: {
                category: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  slug: string;
                };
                endDate: string;
                /** Format: uuid */
                id: string;
                minPrice: number | null;
                posterUrl: string;
                salesCount: number;
                startDate: string;
                status: 'DRAFT' | 'ON_SALE' | 'CLOSED' | 'ENDED';
                title: string;
                venue: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  /** @description 서울, 경기, 부산…; null when unknown */
                  region: string | null;
                };
                viewCount: number;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Performance detail (cached); counts one view per viewer per day */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ageRating: number;
              cast: string[];
              category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
              };
              description: string;
              endDate: string;
              /** Format: uuid */
              id: string;
              posterUrl: string;
              prices: {
                grade: string;
                price: number;
              }[];
              runningMinutes: number;
              startDate: string;
              status: 'DRAFT' | 'ON_SALE' | 'CLOSED' | 'ENDED';
              /** @description ADULT (the list price) first, then the discounts the theatre offers */
              ticketTypes: {
                code: string;
                discountPercent: number;
                name: string;
                /** @description This type's price per grade, as checkout charges it */
                prices: {
                  grade: string;
                  price: number;
                }[];
                proofNote: string | null;
                proofRequired: boolean;
              }[];
              title: string;
              venue: {
                address: string;
                directions: string | null;
                /** Format: uuid */
                id: string;
                latitude: number | null;
                longitude: number | null;
                name: string;
                parking: string | null;
                phone: string | null;
              };
              viewCount: number;
              /** @description How many users wished for it (찜); as old as the cached detail, at most about 5 minutes */
              wishCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}/chat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The performance's live chat room (WebSocket; the first frame authenticates: docs/chat.md). A plain GET is 426. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        426: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}/chat/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members with nickname and online flag (online first, capped), their count, who is online */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Online members first, at most 100 */
              items: {
                /** Format: uuid */
                id: string;
                nickname: string;
                online: boolean;
              }[];
              /** @description Users connected to the room now (members or not) */
              online: number;
              /** @description Members of the room */
              total: number;
            } & {
              member: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}/chat/membership': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Join the room (idempotent): listed among its members, told of news while away */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              member: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    /** Leave the room (idempotent) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              member: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}/chat/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chat history: the newest `limit` messages before `before`, newest last */
    get: {
      parameters: {
        query?: {
          /** @description Only messages with a smaller id (the `nextBefore` of the previous page) */
          before?: number;
          /** @description Messages per page */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Oldest first, newest last */
              items: {
                author: {
                  /** Format: uuid */
                  id: string;
                  nickname: string;
                };
                clientId: string;
                /** Format: date-time */
                createdAt: string;
                /** @description Message id: ordered, a later message has a larger id */
                id: number;
                /** @description An image uploaded with POST /uploads/images */
                imageUrl?: string;
                text: string;
              }[];
              /** @description Pass as `before` for older messages; null when there are none */
              nextBefore: number | (never | null);
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A performance's visible reviews with the average, count and histogram
     * @description Public. With a bearer token each item also says whether the caller wrote it, voted it helpful or reported it.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
          /** @description latest: newest first; rating: most stars first; helpful: most helpful votes first */
          sort?: 'latest' | 'rating' | 'helpful';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Mean rating of the visible reviews, two decimals; 0 when none */
              average: number;
              count: number;
              /** @description Visible reviews per star */
              histogram: {
                1: number;
                2: number;
                3: number;
                4: number;
                5: number;
              };
              items: {
                author: {
                  nickname: string;
                };
                /** @description Plain text as written; render it as text */
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                editedAt?: string;
                helpfulCount: number;
                /** Format: uuid */
                id: string;
                /** @description The caller wrote it (signed-in callers) */
                mine?: boolean;
                rating: number;
                reply?: {
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                };
                /** @description The caller reported it (signed-in callers) */
                reported?: boolean;
                /** @description The caller voted it helpful (signed-in callers) */
                votedHelpful?: boolean;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Review a performance from one of your reservations (once per reservation)
     * @description The caller's CONFIRMED reservation of a showtime of this performance that has started: otherwise 403 NOT_A_BUYER; a second review of the same reservation is 409 ALREADY_REVIEWED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Plain text, 10–2000 characters after trimming; shown as text, never as HTML */
            body: string;
            /** @description Stars, 1–5 */
            rating: number;
            /** Format: uuid */
            reservationId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                nickname: string;
              };
              /** @description Plain text as written; render it as text */
              body: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              editedAt?: string;
              helpfulCount: number;
              /** Format: uuid */
              id: string;
              /** @description The caller wrote it (signed-in callers) */
              mine?: boolean;
              rating: number;
              reply?: {
                body: string;
                /** Format: date-time */
                createdAt: string;
              };
              /** @description The caller reported it (signed-in callers) */
              reported?: boolean;
              /** @description The caller voted it helpful (signed-in callers) */
              votedHelpful?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/{id}/showtimes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Showtimes with available and total seats, seats left per grade and the cast */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description By price, highest first */
              availableByGrade: {
                /** @description Seats neither sold nor held */
                available: number;
                grade: string;
                price: number;
                total: number;
              }[];
              availableSeats: number;
              /** @description This showtime's cast; empty when not announced */
              cast: string[];
              /** Format: uuid */
              id: string;
              maxTicketsPerUser: number;
              queueEnabled: boolean;
              salesCloseAt: string;
              salesOpenAt: string;
              startsAt: string;
              status: 'BEFORE_SALES' | 'ON_SALE' | 'SOLD_OUT' | 'SALES_CLOSED';
              totalSeats: number;
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/performances/opening-soon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ticket-open list: performances whose showtimes open sales within `days`, with each opening date and time */
    get: {
      parameters: {
        query?: {
          /** @description category slug */
          category?: string;
          /** @description sales opening within this many days */
          days?: number;
          /** @description performances */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date-time
               * @description the earliest sales opening of the showtimes below
               */
              opensAt: string;
              performance: {
                category: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  slug: string;
                };
                endDate: string;
                /** Format: uuid */
                id: string;
                posterUrl: string;
                startDate: string;
                title: string;
                venue: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  region: string | null;
                };
              };
              showtimes: {
                /** Format: uuid */
                id: string;
                salesOpenAt: string;
                startsAt: string;
              }[];
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posters/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Generated SVG poster: /posters/{performanceId}.svg */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rankings/performances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rankings by views or sales over the last hour, today or the last 7 days */
    get: {
      parameters: {
        query?: {
          by?: 'views' | 'sales';
          /** @description category slug */
          category?: string;
          limit?: number;
          period?: 'realtime' | 'daily' | 'weekly';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              performance: {
                category: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  slug: string;
                };
                /** Format: uuid */
                id: string;
                posterUrl: string;
                title: string;
              };
              rank: number;
              score: number;
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/refund-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Refund percent by days before the show, and the cancel deadline (REFUND_POLICY) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A reservation can be cancelled until this many hours before the show starts */
              cancelDeadlineHoursBefore: number;
              /** @description Most generous first; the first rule whose daysBefore is met applies */
              rules: {
                /** @description At least this many whole days (24 h) before the start */
                daysBefore: number;
                percent: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reservations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My reservations */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                amount: number;
                booker: {
                  name: string;
                  phone: string;
                } | null;
                /**
                 * @description Human-readable booking number: CT + booking day in Korea (YYMMDD) + 6 base32 characters
                 * @example CT261130K7Q2XM
                 */
                bookingNumber: string;
                createdAt: string;
                discount: number;
                expiresAt: string;
                failureCode: string | null;
                /** Format: uuid */
                id: string;
                payment: {
                  /** @description The easy-pay service (payMethod EASY_PAY only, and then required) */
                  easyPayProvider?: 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';
                  /** Format: uuid */
                  id: string;
                  /** @description How the buyer pays, as PortOne v2 names it (default CARD) */
                  payMethod?: 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';
                  status: string;
                  /** @description The account to deposit the total into (payMethod VIRTUAL_ACCOUNT) */
                  virtualAccount?: {
                    accountNumber: string;
                    /** @description PortOne bank code, e.g. SHINHAN */
                    bank: string;
                    /**
                     * Format: date-time
                     * @description Deposit deadline; unpaid then → EXPIRED
                     */
                    dueAt: string;
                  };
                };
                refundAmount: number | null;
                seats: {
                  grade: string;
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description What the reservation charged for the seat: its ticket type price */
                  price: number;
                  row: string;
                  section: string;
                  ticketType: {
                    code: string;
                    name: string;
                    proofRequired: boolean;
                  };
                }[];
                showtime: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  performanceId: string;
                  startsAt: string;
                  title: string;
                  /** @description Where the showtime is played; null once the catalogue no longer has the showtime */
                  venue: {
                    address: string;
                    name: string;
                  } | null;
                };
                status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';
                tickets: {
                  [key: string]: unknown;
                }[];
                total: number;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Reserve a hold and start the payment (Idempotency-Key required) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
          'x-admission-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Who booked: the name and mobile number the box office calls */
            booker?: {
              name: string;
              /**
               * @description A Korean mobile number, with or without hyphens; stored and answered as digits
               * @example 010-1234-5678
               */
              phone: string;
            };
            /** @description The easy-pay service (payMethod EASY_PAY only, and then required) */
            easyPayProvider?: 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';
            /** Format: uuid */
            holdId: string;
            /** @description How the buyer pays, as PortOne v2 names it (default CARD) */
            payMethod?: 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';
            /** @description Seat id → ticket type code of the performance (ADULT when left out) */
            ticketTypes?: {
              [key: string]: string;
            };
            /** Format: uuid */
            userCouponId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amount: number;
              /**
               * @description Human-readable booking number: CT + booking day in Korea (YYMMDD) + 6 base32 characters
               * @example CT261130K7Q2XM
               */
              bookingNumber: string;
              discount: number;
              /** Format: date-time */
              expiresAt: string;
              /** Format: uuid */
              id: string;
              payment: {
                /** @description The sandbox gateway's page for this payment (the buyer's side) */
                checkoutUrl: string;
                /** @description The easy-pay service (payMethod EASY_PAY only, and then required) */
                easyPayProvider?: 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';
                /** Format: uuid */
                id: string;
                /** @description How the buyer pays, as PortOne v2 names it (default CARD) */
                payMethod?: 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';
                /** @description The argument for PortOne's browser SDK requestPayment (all but virtual accounts) */
                request?: {
                  channelKey: string;
                  /** @enum {string} */
                  currency: 'KRW';
                  easyPay?: {
                    /** @description The easy-pay service (payMethod EASY_PAY only, and then required) */
                    easyPayProvider: 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';
                  };
                  orderName: string;
                  /** Format: uuid */
                  paymentId: string;
                  payMethod: 'CARD' | 'EASY_PAY' | 'TRANSFER';
                  redirectUrl: string;
                  storeId: string;
                  totalAmount: number;
                };
                /** @description The account to deposit the total into (payMethod VIRTUAL_ACCOUNT) */
                virtualAccount?: {
                  accountNumber: string;
                  /** @description PortOne bank code, e.g. SHINHAN */
                  bank: string;
                  /**
                   * Format: date-time
                   * @description Deposit deadline; unpaid then → EXPIRED
                   */
                  dueAt: string;
                };
              };
              status: string;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reservations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my reservations */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amount: number;
              booker: {
                name: string;
                phone: string;
              } | null;
              /**
               * @description Human-readable booking number: CT + booking day in Korea (YYMMDD) + 6 base32 characters
               * @example CT261130K7Q2XM
               */
              bookingNumber: string;
              createdAt: string;
              discount: number;
              expiresAt: string;
              failureCode: string | null;
              /** Format: uuid */
              id: string;
              payment: {
                /** @description The easy-pay service (payMethod EASY_PAY only, and then required) */
                easyPayProvider?: 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';
                /** Format: uuid */
                id: string;
                /** @description How the buyer pays, as PortOne v2 names it (default CARD) */
                payMethod?: 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';
                status: string;
                /** @description The account to deposit the total into (payMethod VIRTUAL_ACCOUNT) */
                virtualAccount?: {
                  accountNumber: string;
                  /** @description PortOne bank code, e.g. SHINHAN */
                  bank: string;
                  /**
                   * Format: date-time
                   * @description Deposit deadline; unpaid then → EXPIRED
                   */
                  dueAt: string;
                };
              };
              refundAmount: number | null;
              seats: {
                grade: string;
                /** Format: uuid */
                id: string;
                number: number;
                /** @description What the reservation charged for the seat: its ticket type price */
                price: number;
                row: string;
                section: string;
                ticketType: {
                  code: string;
                  name: string;
                  proofRequired: boolean;
                };
              }[];
              showtime: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                performanceId: string;
                startsAt: string;
                title: string;
                /** @description Where the showtime is played; null once the catalogue no longer has the showtime */
                venue: {
                  address: string;
                  name: string;
                } | null;
              };
              status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';
              tickets: {
                [key: string]: unknown;
              }[];
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reservations/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a confirmed reservation; refund by the policy (a virtual-account payment into refundAccount) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      /** @description A virtual-account payment is refunded into the account the buyer names (required then) */
      requestBody: {
        content: {
          'application/json': {
            refundAccount?: {
              /** @description PortOne bank code, e.g. KOOKMIN */
              bank: string;
              holder: string;
              number: string;
            };
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              refundAmount: number;
              status: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reservations/{id}/refund-quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What cancelling now would refund, the fee kept, and until when cancelling is possible */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Whether POST /reservations/{id}/cancel would succeed now */
              cancellable: boolean;
              /**
               * Format: date-time
               * @description The last moment cancelling is possible (the show start minus the shortest rule)
               */
              deadline: string | null;
              /** @description Won kept as the cancellation fee (total − refundAmount) */
              fee: number;
              /** @description The policy rule that applies now; null when not cancellable */
              percent: number | null;
              policy: {
                /** @description A reservation can be cancelled until this many hours before the show starts */
                cancelDeadlineHoursBefore: number;
                /** @description Most generous first; the first rule whose daysBefore is met applies */
                rules: {
                  /** @description At least this many whole days (24 h) before the start */
                  daysBefore: number;
                  percent: number;
                }[];
              };
              /** @description Won the cancel refunds now (exactly what it will refund); for a cancelled one, what was refunded */
              refundAmount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete your review
     * @description Another user's review answers 404 REVIEW_NOT_FOUND.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Edit your review (rating and/or text)
     * @description Another user's review answers 404 REVIEW_NOT_FOUND; a hidden one 409 REVIEW_HIDDEN.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Plain text, 10–2000 characters after trimming; shown as text, never as HTML */
            body?: string;
            /** @description Stars, 1–5 */
            rating?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              author: {
                nickname: string;
              };
              /** @description Plain text as written; render it as text */
              body: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              editedAt?: string;
              helpfulCount: number;
              /** Format: uuid */
              id: string;
              /** @description The caller wrote it (signed-in callers) */
              mine?: boolean;
              rating: number;
              reply?: {
                body: string;
                /** Format: date-time */
                createdAt: string;
              };
              /** @description The caller reported it (signed-in callers) */
              reported?: boolean;
              /** @description The caller voted it helpful (signed-in callers) */
              votedHelpful?: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/reviews/{id}/helpful': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a review helpful (once per user; not your own) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              helpfulCount: number;
              votedHelpful: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    /** Take back your helpful vote (nothing changes without one) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              helpfulCount: number;
              votedHelpful: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a review to the moderators (once per user; not your own) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/search/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Up to 8 performances for what is typed so far: title or cast prefix, substring, initial consonants (ㄹㅁㅈ) or a typo; not ended */
    get: {
      parameters: {
        query: {
          /** @description what is typed so far */
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
              };
              /** Format: uuid */
              performanceId: string;
              posterUrl: string;
              title: string;
            }[];
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/holds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hold seats (all or none) for a few minutes */
    post: {
      parameters: {
        query?: never;
        header?: {
          'x-admission-token'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            seatIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              amount: number;
              /** Format: date-time */
              expiresAt: string;
              /** Format: uuid */
              id: string;
              seatIds: string[];
              /** Format: uuid */
              showtimeId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Poll your place in the waiting room */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send as X-Admission-Token on holds and reservations */
              admissionToken?: string;
              /** @description People ahead; null until the draw */
              ahead: number | null;
              /**
               * Format: date-time
               * @description Entered before sales opened: the draw places you at random among those entrants at this time
               */
              drawAt?: string;
              /** @description The public, per-showtime pseudonymous id of an entry (HMAC of showtime and user under a server key); the draw orders by it */
              entryId: string;
              /** @description From the measured admission rate */
              estimatedWaitSeconds: number;
              /**
               * Format: date-time
               * @description End of the admitted session
               */
              expiresAt?: string;
              /** @description 1-based while WAITING (1 = next); 0 once admitted; null for an early entrant until the draw */
              position: number | null;
              status: 'WAITING' | 'ADMITTED';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Enter the waiting room (idempotent: entering again keeps the original place)
     * @description With the showtime's proof of work on, the body carries a solved challenge (`altcha`); missing, invalid, expired or already used → 400 CHALLENGE_REQUIRED with `reason`. A body is optional otherwise.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A solved challenge from GET …/queue/challenge: base64 of the JSON {algorithm, challenge, number, salt, signature} (the ALTCHA payload). Required when the showtime turns proof of work on */
            altcha?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send as X-Admission-Token on holds and reservations */
              admissionToken?: string;
              /** @description People ahead; null until the draw */
              ahead: number | null;
              /**
               * Format: date-time
               * @description Entered before sales opened: the draw places you at random among those entrants at this time
               */
              drawAt?: string;
              /** @description The public, per-showtime pseudonymous id of an entry (HMAC of showtime and user under a server key); the draw orders by it */
              entryId: string;
              /** @description From the measured admission rate */
              estimatedWaitSeconds: number;
              /**
               * Format: date-time
               * @description End of the admitted session
               */
              expiresAt?: string;
              /** @description 1-based while WAITING (1 = next); 0 once admitted; null for an early entrant until the draw */
              position: number | null;
              status: 'WAITING' | 'ADMITTED';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    /** Leave the waiting room, or end the admitted session (revokes the admission token) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/queue/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The draw's public proof: commitment, then the seed and the digest of the drawn list
     * @description Before the draw: the commitment (from the opening of the room) and how many wait for the draw. After it: the seed, whose SHA-256 must equal the commitment, and the digest of the list at …/queue/audit/entries. docs/waiting-room.md "Verifiable draw" gives the rules; `npm run verify:queue <id>` checks them.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The rules a verifier applies, by name and in short */
              algorithm: string;
              /** @description Published from the opening of the waiting room; null before it */
              commitment: string | (never | null);
              /**
               * Format: date-time
               * @description When the draw orders the early entrants (salesOpenAt)
               */
              drawAt: string;
              /** Format: date-time */
              drawnAt: string | null;
              /** @description Before the draw: how many wait for it now; after: how many it ordered */
              earlyEntrants: number;
              /** @description Null until the draw */
              entriesDigest: string | (never | null);
              /** @description The 32-byte seed in hex; present once the draw is done */
              seed?: string;
              /** Format: uuid */
              showtimeId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/queue/audit/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The drawn entry ids in draw input order, each with the place the draw gave it */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page (up to 10,000: verifiers read the whole list, and it never changes) */
          size?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description In draw input order (the order of entry), the order the digest is computed over */
              items: {
                /** @description The public, per-showtime pseudonymous id of an entry (HMAC of showtime and user under a server key); the draw orders by it */
                entryId: string;
                /** @description The place the draw gave this entry (1 = first) */
                position: number;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/queue/challenge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A single-use proof-of-work challenge (ALTCHA) for entering this waiting room
     * @description Solve in the browser (altcha-lib or the altcha widget) and send the payload as `altcha` when entering. Valid QUEUE_POW_CHALLENGE_SECONDS; the difficulty rises for an address that asks in bursts.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An ALTCHA challenge (altcha-lib v1 format): find the number n with SHA-256(salt + n) = challenge */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              algorithm: 'SHA-256';
              /** @description SHA-256 hex of salt + the secret number */
              challenge: string;
              /** @description The secret number is in 0..maxnumber (the difficulty) */
              maxnumber: number;
              /** @description Random hex, then `?expires=<unix s>&st=<showtime id>&` */
              salt: string;
              /** @description HMAC-SHA-256 of the challenge under the server key */
              signature: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/queue/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-sent events: `position` while waiting, then one `admitted` carrying the token
     * @description Events: `position` (data = queue view) when it changes, `admitted` (data = view with admissionToken) after which the stream ends, `error` (data = problem, e.g. NOT_IN_QUEUE) after which it ends. Comment lines keep the connection alive. Requires Authorization like every queue call.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream (text/event-stream) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/showtimes/{id}/seats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Seat map: every seat with AVAILABLE, HELD or SOLD
     * @description Answers with an ETag derived from the layout and every seat status; send it back in If-None-Match to get 304 Not Modified (empty body) while nothing changed.
     */
    get: {
      parameters: {
        query?: never;
        header?: {
          'if-none-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              seats: {
                grade: string;
                /** Format: uuid */
                id: string;
                number: number;
                price: number;
                row: string;
                section: string;
                status: 'AVAILABLE' | 'HELD' | 'SOLD';
              }[];
              /** Format: uuid */
              showtimeId: string;
            };
          };
        };
        /** @description Not Modified: the seat map still matches If-None-Match */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's tickets */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The reservation's booking number; null for tickets issued before it was recorded */
              bookingNumber: string | null;
              /** @description Signed ticket code (base64url); the QR encodes exactly this */
              code: string;
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              issuedAt: string;
              /** Format: uuid */
              performanceId: string;
              price: number;
              /** Format: uuid */
              reservationId: string;
              seat: {
                grade: string;
                number: number;
                row: string;
                /** Format: uuid */
                seatId: string;
                section: string;
              };
              /** Format: uuid */
              showtimeId: string;
              status: 'ISSUED' | 'USED' | 'REVOKED';
              /** @description The ticket type it was sold as; null for tickets issued before types existed */
              ticketType: {
                code: string;
                /** @description As the buyer and the door read it, e.g. 청소년 */
                name: string;
                /** @description The holder shows a proof (student card, welfare card) at the door */
                proofRequired: boolean;
              } | null;
              /** Format: date-time */
              usedAt: string | null;
            }[];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tickets/{id}/qr.svg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The QR image (SVG) of a ticket code; owner or admin */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description SVG image */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/svg+xml': string;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/svg+xml': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/svg+xml': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/svg+xml': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/uploads/images': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload an image for a chat message (JPEG, PNG or WebP, ≤ 5 MB): checked and re-encoded; the url goes in the message
     * @description multipart/form-data with one file in the field `file`: JPEG, PNG or WebP (by content), at most UPLOAD_MAX_BYTES (5 MB)
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The image (largest JPEG); only such URLs are accepted in chat messages */
              url: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              birthDate?: string;
              /** @description Current consents; on GET and PATCH /users/me */
              consents?: {
                marketing: {
                  /**
                   * Format: date-time
                   * @description The last change; absent if never chosen
                   */
                  at?: string;
                  granted: boolean;
                };
                /**
                 * Format: date-time
                 * @description When agreed
                 */
                privacy?: string;
                /**
                 * Format: date-time
                 * @description When agreed
                 */
                terms?: string;
              };
              email: string;
              /** Format: uuid */
              id: string;
              /** @description The language mail is written in */
              language: 'ko' | 'en';
              nickname: string;
              phone?: string;
              /** Format: date-time */
              privacyAgreedAt?: string;
              role: 'USER' | 'STAFF' | 'ADMIN';
              /** Format: date-time */
              termsAgreedAt?: string;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Withdraw: erase the personal data and end every session; orders are kept
     * @description Needs `currentPassword` (400 WRONG_PASSWORD; limited like a password change), or for an account without a password a sign-in within the last 5 minutes (403 RECENT_SIGN_IN_REQUIRED). 409 HAS_UPCOMING_TICKETS while the user holds tickets for shows that have not started, or has an order for one being paid or paid and not yet ticketed (`upcomingTickets`, `openOrders`). Email, nickname, phone, birth date and the booker details of reservations are erased; reservations, payments and tickets are kept five years (e-commerce law) under the account id.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required when the account has a password; social-only accounts need a sign-in within 5 minutes */
            currentPassword?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change nickname, phone, birth date, language, marketing consent or password (with currentPassword)
     * @description Changing the password needs `currentPassword` and ends every other session of the user (their refresh and access tokens are refused within seconds); this session goes on. Wrong current passwords are limited per account (5 per 15 minutes, then 429 RATE_LIMITED with Retry-After).
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            birthDate?: string | null;
            consents?: {
              /** @description Marketing opt-in; each change is logged with its time */
              marketing: boolean;
            };
            currentPassword?: string;
            /** @description The language mail is written in */
            language?: 'ko' | 'en';
            newPassword?: string;
            nickname?: string;
            phone?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              birthDate?: string;
              /** @description Current consents; on GET and PATCH /users/me */
              consents?: {
                marketing: {
                  /**
                   * Format: date-time
                   * @description The last change; absent if never chosen
                   */
                  at?: string;
                  granted: boolean;
                };
                /**
                 * Format: date-time
                 * @description When agreed
                 */
                privacy?: string;
                /**
                 * Format: date-time
                 * @description When agreed
                 */
                terms?: string;
              };
              email: string;
              /** Format: uuid */
              id: string;
              /** @description The language mail is written in */
              language: 'ko' | 'en';
              nickname: string;
              phone?: string;
              /** Format: date-time */
              privacyAgreedAt?: string;
              role: 'USER' | 'STAFF' | 'ADMIN';
              /** Format: date-time */
              termsAgreedAt?: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/me/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's coupons */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              coupon: {
                discountType: 'FIXED' | 'PERCENT';
                discountValue: number;
                /** Format: uuid */
                id: string;
                maxDiscount: number | null;
                minOrderAmount: number;
                name: string;
                /**
                 * Format: date-time
                 * @description Last moment of use
                 */
                validUntil: string;
              };
              /**
               * Format: uuid
               * @description userCouponId, given to checkout
               */
              id: string;
              /**
               * Format: date-time
               * @description Issued
               */
              issuedAt: string;
              /** @description Held by an unpaid reservation (status stays AVAILABLE) */
              reserved: boolean;
              status: 'AVAILABLE' | 'USED' | 'EXPIRED';
              /**
               * Format: date-time
               * @description Used
               */
              usedAt: string | null;
            }[];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/identities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Social sign-in providers linked to the account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Whether the account can also sign in with a password */
              hasPassword: boolean;
              identities: {
                /** @description The address the provider gave when linked */
                email?: string;
                /** Format: date-time */
                linkedAt: string;
                provider: 'kakao' | 'naver' | 'google';
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/identities/{provider}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unlink a provider; refused when it is the last way to sign in (no password, no other provider) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/keyword-alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's keyword alerts, in the order they were added */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                keyword: string;
              }[];
              limit: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Add a keyword alert (201); the same keyword again (ignoring case and spaces) answers 200 with the existing one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Trimmed, then 1–30 characters; matched case- and space-insensitively */
            keyword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              keyword: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              keyword: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/keyword-alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one of my keyword alerts */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/notification-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which notifications the signed-in user gets, per category and channel */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Mail per category; booking is always true */
              email: {
                /** @description On-sale and keyword alerts, fan chat activity */
                alerts: boolean;
                /** @description Bookings, tickets, cancellations and replies to you */
                booking: boolean;
                /** @description Offers and news (off unless turned on) */
                marketing: boolean;
                /** @description The day-before reminder and the review invitation */
                reminders: boolean;
              };
              /** @description In-app notifications (the bell and the list) per category */
              inApp: {
                /** @description On-sale and keyword alerts, fan chat activity */
                alerts: boolean;
                /** @description Bookings, tickets, cancellations and replies to you */
                booking: boolean;
                /** @description Offers and news (off unless turned on) */
                marketing: boolean;
                /** @description The day-before reminder and the review invitation */
                reminders: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change some settings; what is not named stays as it is
     * @description Booking mail cannot be turned off: `email.booking: false` is 400 BOOKING_MAIL_REQUIRED.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description email.booking may only be true (400 BOOKING_MAIL_REQUIRED) */
            email?: {
              alerts?: boolean;
              booking?: boolean;
              marketing?: boolean;
              reminders?: boolean;
            };
            /** @description Any category can be switched */
            inApp?: {
              alerts?: boolean;
              booking?: boolean;
              marketing?: boolean;
              reminders?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Mail per category; booking is always true */
              email: {
                /** @description On-sale and keyword alerts, fan chat activity */
                alerts: boolean;
                /** @description Bookings, tickets, cancellations and replies to you */
                booking: boolean;
                /** @description Offers and news (off unless turned on) */
                marketing: boolean;
                /** @description The day-before reminder and the review invitation */
                reminders: boolean;
              };
              /** @description In-app notifications (the bell and the list) per category */
              inApp: {
                /** @description On-sale and keyword alerts, fan chat activity */
                alerts: boolean;
                /** @description Bookings, tickets, cancellations and replies to you */
                booking: boolean;
                /** @description Offers and news (off unless turned on) */
                marketing: boolean;
                /** @description The day-before reminder and the review invitation */
                reminders: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your in-app notifications, newest first, with the unread count */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
          /** @description Only unread notifications */
          unread?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** @description A path in the web app, or null */
                link: string | null;
                /** Format: date-time */
                readAt: string | null;
                title: string;
                /** @description BOOKING_CONFIRMED, TICKETS_ISSUED, ONSALE_OPEN, … */
                type: string;
              }[];
              page: number;
              size: number;
              /** @description How many match the query (unread only when unread=true) */
              total: number;
              /** @description Unread in-app notifications of the user */
              unreadCount: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/notifications/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark notifications read: `{ids: […]}` or `{all: true}` (ids not yours are ignored) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description true: mark every notification read */
            all?: boolean;
            /** @description Notifications to mark read */
            ids?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/notifications/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-sent events: each new in-app notification as a `notification` event
     * @description Events: `ready` (data = {}) once subscribed, then `notification` (data = NotificationView) for each notification created after the stream opened, on whichever instance. Comment lines keep the connection alive. Nothing missed while disconnected is replayed: list on (re)connect. Requires Authorization (read it with fetch; EventSource cannot send the header). 429 STREAM_LIMIT past the per-user, per-address or per-instance cap.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream (text/event-stream) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/onsale-alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's sales-open alerts, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                performanceId: string;
                performanceTitle: string;
                /** Format: date-time */
                salesOpenAt: string | null;
                /** Format: uuid */
                showtimeId: string | null;
                /** Format: date-time */
                startsAt: string | null;
                target: 'SHOWTIME' | 'PERFORMANCE';
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Ask to be told when sales open (10 minutes before and at the opening; idempotent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description A showtime, or a whole performance (every showtime it opens) */
      requestBody: {
        content: {
          'application/json':
            | {
                /** Format: uuid */
                showtimeId: string;
              }
            | {
                /** Format: uuid */
                performanceId: string;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              performanceId: string;
              performanceTitle: string;
              /** Format: date-time */
              salesOpenAt: string | null;
              /** Format: uuid */
              showtimeId: string | null;
              /** Format: date-time */
              startsAt: string | null;
              target: 'SHOWTIME' | 'PERFORMANCE';
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              performanceId: string;
              performanceTitle: string;
              /** Format: date-time */
              salesOpenAt: string | null;
              /** Format: uuid */
              showtimeId: string | null;
              /** Format: date-time */
              startsAt: string | null;
              target: 'SHOWTIME' | 'PERFORMANCE';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/onsale-alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Stop a sales-open alert */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your reviews, newest first (hidden ones included, with the reason) */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                author: {
                  nickname: string;
                };
                /** @description Plain text as written; render it as text */
                body: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                editedAt?: string;
                helpfulCount: number;
                hidden?: {
                  /** Format: date-time */
                  at: string;
                  reason: string;
                };
                /** Format: uuid */
                id: string;
                /** @description The caller wrote it (signed-in callers) */
                mine?: boolean;
                performance: {
                  /** Format: uuid */
                  id: string;
                  title: string;
                };
                rating: number;
                reply?: {
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                };
                /** @description The caller reported it (signed-in callers) */
                reported?: boolean;
                /** Format: uuid */
                reservationId: string;
                /** @description The caller voted it helpful (signed-in callers) */
                votedHelpful?: boolean;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signed-in devices: live sessions, the one of this request marked current */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The client address, its last part masked */
              address: string;
              /** Format: date-time */
              createdAt: string;
              /** @description The session of this request */
              current: boolean;
              /** @description Browser and system, e.g. "Chrome · macOS"; empty when unknown */
              device: string;
              /** Format: uuid */
              id: string;
              /**
               * Format: date-time
               * @description The last refresh (not every request)
               */
              lastSeenAt: string;
            }[];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * End every session but this one
     * @description Its refresh token is refused at once and its access token within seconds on every instance.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * End one of my sessions (sign that device out)
     * @description Its refresh token is refused at once and its access token within seconds on every instance. Another user's session is 404 SESSION_NOT_FOUND.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/wishlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's wished performances, newest wish first */
    get: {
      parameters: {
        query?: {
          /** @description 1-based page number */
          page?: number;
          /** @description Items per page */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                category: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  slug: string;
                };
                endDate: string;
                /** Format: uuid */
                id: string;
                minPrice: number | null;
                posterUrl: string;
                salesCount: number;
                startDate: string;
                status: 'DRAFT' | 'ON_SALE' | 'CLOSED' | 'ENDED';
                title: string;
                venue: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  /** @description 서울, 경기, 부산…; null when unknown */
                  region: string | null;
                };
                viewCount: number;
              }[];
              page: number;
              size: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/wishlist/{performanceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Wish for a performance (찜; idempotent) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          performanceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove a performance from the wishlist (idempotent) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          performanceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/me/wishlist/ids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ids of the wished performances (the page marks its hearts from these) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ids of the wished performances, newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string[];
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process runs */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              status: string;
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every dependency answers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              checks: {
                [key: string]: {
                  error?: string;
                  status: 'ok' | 'fail';
                };
              };
              status: string;
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              checks: {
                [key: string]: {
                  error?: string;
                  status: 'ok' | 'fail';
                };
              };
              failing: string[];
              status: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Prometheus text format */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: ({
                /** @description Where: body.title, body.prices.0.price, params.id, query.page */
                field?: string;
                format?: string;
                limit?: number;
                /** @description English, for people reading raw responses; clients word `rule` */
                message?: string;
                /** @description What it broke: ajv's keyword (required, maximum, format…) or a service rule */
                rule?: string;
              } & {
                [key: string]: unknown;
              })[];
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
