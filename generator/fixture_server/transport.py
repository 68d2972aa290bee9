"""The fixture server in-process: an `httpx` transport, for tests that want no socket.

```python
server = FixtureServer("spec/openapi.yaml")
with httpx.Client(transport=server.transport()) as http:
    client = Client(api_key="any", http_client=http)   # the document's own base URL
    client.send_notification_message(...)
server.assert_all_used()
```

One transport serves `httpx.Client` and `httpx.AsyncClient` alike. Each request is
answered by the same `respond` as over a socket: same routing, credential and body checks,
same recordings, same problem documents. The host of the URL is not looked at; the path
must start with the base path of the document's first server URL.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from .messages import Request, Response


class FixtureTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers httpx requests with a fixture server's (or recording proxy's) `respond`."""

    def __init__(self, respond: Callable[[Request], Response]) -> None:
        self.respond = respond

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request, request.read())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request, await request.aread())

    def _answer(self, request: httpx.Request, body: bytes) -> httpx.Response:
        fields = [
            (name.decode("latin-1"), value.decode("latin-1")) for name, value in request.headers.raw
        ]
        target = request.url.raw_path.decode("ascii")
        answer = self.respond(Request.from_fields(request.method, target, fields, body))
        return httpx.Response(
            answer.status,
            headers=answer.wire_headers(),
            content=b"" if request.method == "HEAD" else answer.body,
            request=request,
        )
