/// The OpenAPI 3 description of `/api/v1`, served at `/api/v1/openapi.yaml`; tests check live
/// responses against it.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.0.3
        info:
          title: HotGrid API
          version: "1"
          description: >-
            Hotspot-grid supervision of air pollution. Public reads need no sign-in; the ledger
            needs a bearer token from POST /api/v1/auth/token. Lists come in one envelope
            {meta: {page, limit, found}, results}; errors as {error: {code, message, fields}}.
        servers:
          - url: /
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
          parameters:
            page: {name: page, in: query, schema: {type: integer, minimum: 1}}
            limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000}}
            city: {name: city, in: query, schema: {type: string}}
            month: {name: month, in: query, schema: {type: string, pattern: '^[0-9]{4}-[0-9]{2}$'}}
          schemas:
            Meta:
              type: object
              required: [page, limit, found]
              properties: {page: {type: integer}, limit: {type: integer}, found: {type: integer}}
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties:
                    code: {type: string}
                    message: {type: string}
                    fields: {type: object, additionalProperties: {type: string}, nullable: true}
            Place:
              type: object
              required: [cell_id, city_code, city_name, county_code, county_name, lon, lat]
              properties:
                cell_id: {type: string}
                city_code: {type: string}
                city_name: {type: string}
                county_code: {type: string}
                county_name: {type: string}
                lon: {type: number}
                lat: {type: number}
            Warning:
              allOf:
                - $ref: '#/components/schemas/Place'
                - type: object
                  required: [month, reasons, pm25]
                  properties:
                    month: {type: string}
                    reasons: {type: array, items: {type: string, enum: [highest_concentration, worst_year_on_year, worst_month_on_month]}}
                    pm25: {type: number}
                    yoy_change_pct: {type: number, nullable: true}
                    mom_change_pct: {type: number, nullable: true}
            MonthlyMean:
              allOf:
                - $ref: '#/components/schemas/Place'
                - type: object
                  required: [month, pm25, valid_days, expected_days]
                  properties:
                    month: {type: string}
                    pm25: {type: number, nullable: true, description: null below the validity rule (27 valid days, 25 in February)}
                    valid_days: {type: integer}
                    expected_days: {type: integer}
            Hotspot:
              allOf:
                - $ref: '#/components/schemas/Place'
                - type: object
                  required: [year, rank, emission_index]
                  properties:
                    year: {type: integer}
                    rank: {type: integer}
                    emission_index: {type: number}
                    pm25_annual: {type: number, nullable: true}
                    probability: {type: number, nullable: true, minimum: 0, maximum: 1, description: probability that the cell belongs in the list's share (bootstrap over days); null when not computed}
            Escalation:
              type: object
              required: [month, cell_id, city_code, county_code, rule, consecutive_months, warnings_in_window, actions]
              properties:
                month: {type: string}
                cell_id: {type: string}
                city_code: {type: string}
                county_code: {type: string}
                rule: {type: string}
                consecutive_months: {type: integer}
                warnings_in_window: {type: integer}
                actions: {type: array, items: {type: string}}
            Publication:
              type: object
              required: [id, month, published_at, sha256]
              properties:
                id: {type: integer}
                month: {type: string}
                published_at: {type: string}
                sha256: {type: string}
                replaces: {type: integer, nullable: true}
            FeatureCollection:
              type: object
              required: [type, features, numberMatched, numberReturned, links]
              properties:
                type: {type: string, enum: [FeatureCollection]}
                features: {type: array, items: {type: object}}
                numberMatched: {type: integer}
                numberReturned: {type: integer}
                links: {type: array, items: {type: object, additionalProperties: {type: string}}}
            DataReport:
              type: object
              required: [id, city_code, message, submitted_at, status]
              properties:
                id: {type: integer}
                cell_id: {type: string, nullable: true}
                city_code: {type: string}
                message: {type: string}
                contact: {type: string, nullable: true}
                submitted_at: {type: string}
                officer: {type: integer, nullable: true}
                status: {type: string, enum: [open, answered]}
                answer: {type: string, nullable: true}
                answered_by: {type: integer, nullable: true}
                answered_at: {type: string, nullable: true}
            Problem:
              type: object
              required: [id, cell_id, category, description, lon, lat, found_by, found_on, status, overdue]
              properties:
                id: {type: integer}
                cell_id: {type: string}
                source_id: {type: integer, nullable: true}
                category: {type: string}
                description: {type: string}
                lon: {type: number}
                lat: {type: number}
                found_by: {type: integer}
                found_on: {type: string}
                warning_month: {type: string, nullable: true}
                department: {type: string, nullable: true}
                deadline: {type: string, nullable: true}
                status: {type: string, enum: [reported, assigned, rectifying, submitted, verified, not_responsible, duplicate]}
                duplicate_of: {type: integer, nullable: true}
                overdue: {type: boolean}
                events: {type: integer, description: "events in the problem's history; send it back as seen_events with a move"}
          responses:
            Error:
              description: An error (401 also when a bearer token sent is not valid)
              content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
        paths:
          /api/v1/hotspots:
            get:
              summary: A year's hotspot list (the latest by default)
              parameters: [{name: year, in: query, schema: {type: integer}}, {$ref: '#/components/parameters/city'}, {$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: Hotspot cells by rank
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/Hotspot'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/warnings:
            get:
              summary: A month's warned cells (the latest by default)
              parameters: [{$ref: '#/components/parameters/month'}, {$ref: '#/components/parameters/city'}, {$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: Warned cells by city, county and cell
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/Warning'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/means:
            get:
              summary: Every cell's monthly mean PM2.5 with its valid days, of the region, a city or a county
              parameters:
                - {name: month, in: query, required: true, schema: {type: string, pattern: '^[0-9]{4}-[0-9]{2}$'}}
                - {$ref: '#/components/parameters/city'}
                - {name: county, in: query, schema: {type: string}}
                - {$ref: '#/components/parameters/page'}
                - {$ref: '#/components/parameters/limit'}
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: Monthly means in cell order
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/MonthlyMean'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/escalations:
            get:
              summary: Escalations fired, of a month or all
              parameters: [{$ref: '#/components/parameters/month'}, {$ref: '#/components/parameters/city'}, {$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: Escalations
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/Escalation'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
          /api/v1/publications:
            get:
              summary: Published monthly lists
              parameters: [{$ref: '#/components/parameters/month'}, {$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: Publications, oldest first
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/Publication'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
          /api/v1/publications/{id}/{format}:
            get:
              summary: A publication's frozen content (its CSV's SHA-256 is the publication's)
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
                - {name: format, in: path, required: true, schema: {type: string, enum: [csv, geojson, html]}}
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: The list
                  content:
                    text/csv: {schema: {type: string}}
                    application/geo+json: {schema: {type: object}}
                    text/html: {schema: {type: string}}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/cells/{id}:
            get:
              summary: A cell's place, hotspot years, months (PM2.5 with coverage, warnings, escalations) and open problem count
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: The cell
                  content: {application/json: {schema: {type: object, required: [place, hotspot_years, hotspot_lists, months, open_problems]}}}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/collections:
            get:
              summary: The GeoJSON collections
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200": {description: Collections, content: {application/json: {schema: {type: object}}}}
          /api/v1/collections/{name}/items:
            get:
              summary: A page of a collection's features (OGC API – Features style)
              parameters:
                - {name: name, in: path, required: true, schema: {type: string, enum: [cells, hotspots, warnings]}}
                - {name: bbox, in: query, schema: {type: string}, description: 'min lon,min lat,max lon,max lat'}
                - {name: datetime, in: query, schema: {type: string}, description: 'YYYY for hotspots, YYYY-MM for warnings'}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 10000}}
                - {name: offset, in: query, schema: {type: integer, minimum: 0}}
              responses:
                "401": {$ref: '#/components/responses/Error'}
                "200":
                  description: Features
                  content: {application/geo+json: {schema: {$ref: '#/components/schemas/FeatureCollection'}}}
                "400": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/auth/token:
            post:
              summary: Sign in for a bearer token (failures in fifteen minutes, five per client and login, twenty per client, twenty per login → 429 with Retry-After; 503 with Retry-After when too many sign-ins wait)
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [login, password], properties: {login: {type: string}, password: {type: string}}}
              responses:
                "201":
                  description: A token valid for eight hours
                  content: {application/json: {schema: {type: object, required: [token, token_type, expires_in, person, role]}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
                "429": {$ref: '#/components/responses/Error'}
                "503": {$ref: '#/components/responses/Error'}
            delete:
              summary: Revoke the bearer token sent
              security: [{bearer: []}]
              responses:
                "204": {description: Revoked}
                "401": {$ref: '#/components/responses/Error'}
          /api/v1/data-reports:
            post:
              summary: Report a data error (anyone; routed to the city's named officer; ten an hour per client → 429)
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [message]
                      properties:
                        cell_id: {type: string}
                        city_code: {type: string}
                        message: {type: string, maxLength: 4000}
                        contact: {type: string, maxLength: 200}
              responses:
                "201":
                  description: The receipt, naming the officer the report went to
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, city_code]
                        properties: {id: {type: integer}, city_code: {type: string}, officer: {type: string, nullable: true}, officer_role: {type: string, nullable: true}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
                "422": {$ref: '#/components/responses/Error'}
                "429": {$ref: '#/components/responses/Error'}
            get:
              summary: The data reports of your area, newest first
              security: [{bearer: []}]
              parameters: [{$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "200":
                  description: Reports with the reporters' contacts
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/DataReport'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
          /api/v1/data-reports/{id}/answer:
            post:
              summary: Answer an open report (the officer it went to, or an officer of its city)
              security: [{bearer: []}]
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [answer], properties: {answer: {type: string}}}
              responses:
                "200":
                  description: The answered report
                  content: {application/json: {schema: {$ref: '#/components/schemas/DataReport'}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
                "403": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
                "422": {$ref: '#/components/responses/Error'}
          /api/v1/problems:
            get:
              summary: Problems in your area
              security: [{bearer: []}]
              parameters:
                - {name: cell, in: query, schema: {type: string}}
                - {name: status, in: query, schema: {type: string}}
                - {name: overdue, in: query, schema: {type: string, enum: ["true", "false"]}}
                - {$ref: '#/components/parameters/page'}
                - {$ref: '#/components/parameters/limit'}
              responses:
                "200":
                  description: Problems
                  content: {application/json: {schema: {type: object, required: [meta, results], properties: {meta: {$ref: '#/components/schemas/Meta'}, results: {type: array, items: {$ref: '#/components/schemas/Problem'}}}}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
            post:
              summary: Record a problem (possible duplicates are returned with it)
              security: [{bearer: []}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [category, description]
                      properties:
                        cell_id: {type: string}
                        source_id: {type: integer}
                        category: {type: string}
                        description: {type: string}
                        lon: {type: number}
                        lat: {type: number}
                        found_on: {type: string}
                        warning_month: {type: string}
              responses:
                "201": {description: Recorded, content: {application/json: {schema: {type: object, required: [problem, possible_duplicates]}}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
                "403": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
                "422": {$ref: '#/components/responses/Error'}
          /api/v1/problems/{id}/actions:
            post:
              summary: Move a problem through its lifecycle
              security: [{bearer: []}]
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [action, comment]
                      properties:
                        action: {type: string, enum: [assign, accept, decline, reassign, submit, verify, return, mark_duplicate, extend]}
                        comment: {type: string}
                        department: {type: string}
                        deadline: {type: string}
                        duplicate_of: {type: integer}
                        seen_events: {type: integer, minimum: 0, description: "events of the problem the client read; a move on an older reading is refused with 409"}
                        evidence:
                          type: array
                          items: {type: object, required: [file_name, content_base64], properties: {file_name: {type: string}, content_base64: {type: string}}}
              responses:
                "200": {description: The problem after the move, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
                "403": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
                "409": {$ref: '#/components/responses/Error'}
                "422": {$ref: '#/components/responses/Error'}
          /api/v1/cells/{id}/sources:
            get:
              summary: A cell's sources; details withheld outside your area
              security: [{bearer: []}]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}, {$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "200": {description: Sources, content: {application/json: {schema: {type: object, required: [meta, results]}}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}
                "404": {$ref: '#/components/responses/Error'}
          /api/v1/ledger/statistics:
            get:
              summary: Problems per area by category and state
              security: [{bearer: []}]
              parameters: [{name: by, in: query, schema: {type: string, enum: [province, city, county]}}, {$ref: '#/components/parameters/page'}, {$ref: '#/components/parameters/limit'}]
              responses:
                "200": {description: Lines and the total, content: {application/json: {schema: {type: object, required: [meta, results]}}}}
                "400": {$ref: '#/components/responses/Error'}
                "401": {$ref: '#/components/responses/Error'}

        """
}
