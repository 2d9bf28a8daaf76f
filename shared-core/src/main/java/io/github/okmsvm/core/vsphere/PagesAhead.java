package io.github.okmsvm.core.vsphere;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The pages of one PropertyCollector read, each asked for as soon as the page before it begins to arrive: its token
 * comes first in the answer ({@code RetrieveResult} is the token, then the objects), so vCenter prepares the next
 * page while this client parses and hands out the current one. At most one page is read ahead of the one the caller
 * is handed: a page's successor is asked for only once the caller has finished the page before it, so memory stays
 * with two pages whatever the inventory's size.
 */
final class PagesAhead {
  private static final Executor READER = task -> {
    Thread thread = new Thread(task, "vcenter-page-ahead");
    thread.setDaemon(true);
    thread.start();
  };

  private final VimClient client;
  private final MoRef collector;
  private final Map<Integer, CompletableFuture<XmlElement>> asked = new HashMap<>();
  /** The page the caller holds; the first is page 0. */
  private int held;
  /** The page the caller waits for, or -1 while it works on the one it holds. */
  private int awaited = -1;
  /** A token seen too early to be used: the page it opens, and the token. */
  private int pendingPage = -1;
  private String pendingToken;
  private boolean done;

  PagesAhead(VimClient client, MoRef collector) {
    this.client = client;
    this.collector = collector;
  }

  /** What sees page {@code page}'s answer before it is parsed. */
  Consumer<byte[]> watcher(int page) {
    return body -> {
      String token = SoapCodec.leadingText(body, "token", "objects");
      if (token != null) {
        synchronized (this) {
          if (page == held || page == awaited) { // the caller is done with the page before: one ahead at most
            ask(page + 1, token);
          } else {
            pendingPage = page + 1;
            pendingToken = token;
          }
        }
      }
    };
  }

  /**
   * The page after the one the caller holds, whose token is {@code token} (null: it was the last page), once the
   * caller is done with the one it holds.
   */
  XmlElement next(String token) {
    CompletableFuture<XmlElement> answer;
    synchronized (this) {
      int wanted = held + 1;
      awaited = wanted;
      if (pendingPage == wanted + 1) {
        ask(pendingPage, pendingToken);
        pendingPage = -1;
        pendingToken = null;
      }
      if (!asked.containsKey(wanted)) {
        if (token == null) {
          return null;
        }
        ask(wanted, token); // the token was not seen early: asked for now
      }
      answer = asked.remove(wanted);
    }
    try {
      XmlElement page = answer.join();
      synchronized (this) {
        held = awaited;
        awaited = -1;
      }
      return page;
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }

  /** No page is asked for any more: the caller stopped reading (the pages asked for already are dropped). */
  synchronized void stop() {
    done = true;
  }

  private void ask(int page, String token) {
    if (done || asked.containsKey(page)) {
      return;
    }
    asked.put(page, CompletableFuture.supplyAsync(() -> client.invoke("ContinueRetrievePropertiesEx", collector,
        watcher(page), XmlElement.text("token", token)).child("returnval").orElse(null), READER));
  }
}
