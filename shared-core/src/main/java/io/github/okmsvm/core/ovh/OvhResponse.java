package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** An OVHcloud API answer, read whole. */
record OvhResponse(int status, Header[] headers, byte[] body) {
  static OvhResponse execute(CloseableHttpClient http, HttpUriRequestBase request) throws IOException {
    return http.execute(request, answer -> new OvhResponse(answer.getCode(), answer.getHeaders(),
        answer.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(answer.getEntity())));
  }

  String header(String name) {
    for (Header header : headers) {
      if (header.getName().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** The body as JSON; null when empty. */
  JsonNode json() {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new OvhTransportException("the OVHcloud API answered HTTP " + status + " with a body that is not JSON",
          new UncheckedIOException(e));
    }
  }
}
