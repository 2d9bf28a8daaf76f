package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The ViewManager's views: a ContainerView lists, live, the entities of the given types (all managed entities when
 * none is given) inside its container, recursively or not; a ListView lists what its client put in it. As in vCenter,
 * a view belongs to the session that created it (no other session finds it) and ends with it.
 */
final class Views {
  private final Inventory inventory;
  private final Function<MoRef, VimObject> objects;
  private final Map<String, View> views = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);

  private record View(String session, MoRef ref, MoRef container, List<String> types, boolean recursive,
      List<MoRef> listed) {}

  /** {@code objects}: any managed object of this vCenter by reference, to tell what a list view may hold. */
  Views(Inventory inventory, Function<MoRef, VimObject> objects) {
    this.inventory = inventory;
    this.objects = objects;
  }

  MoRef createContainerView(String session, XmlElement request) {
    MoRef container = request.child("container").orElseThrow(() -> SoapFault.invalidArgument("container"))
        .asMoRef();
    inventory.object(container);
    List<String> types = request.children("type").stream().map(XmlElement::text).toList();
    for (String type : types) {
      if (!VimTypes.known(type) || !VimTypes.isA(type, "ManagedEntity")) {
        throw SoapFault.invalidArgument("type");
      }
    }
    MoRef ref = new MoRef("ContainerView", id(session));
    boolean recursive = "true".equals(request.childText("recursive"));
    views.put(ref.value(), new View(session, ref, container, types, recursive, null));
    return ref;
  }

  MoRef createListView(String session, XmlElement request) {
    MoRef ref = new MoRef("ListView", id(session));
    views.put(ref.value(), new View(session, ref, null, List.of(), false, new ArrayList<>()));
    resetListView(session, ref.value(), request);
    return ref;
  }

  /** ResetListView: the view now lists exactly the objects given; the answer names those that do not exist. */
  List<XmlElement> resetListView(String session, String id, XmlElement request) {
    View view = view(session, id, "ListView");
    List<XmlElement> unresolved = new ArrayList<>();
    synchronized (view.listed()) {
      view.listed().clear();
      for (XmlElement obj : request.children("obj")) {
        if (exists(obj.asMoRef())) {
          view.listed().add(obj.asMoRef());
        } else {
          unresolved.add(XmlElement.moRef("returnval", obj.asMoRef()));
        }
      }
    }
    return unresolved;
  }

  private boolean exists(MoRef ref) {
    try {
      objects.apply(ref);
      return true;
    } catch (SoapFault notFound) {
      return false;
    }
  }

  void destroy(String session, String id) {
    View view = views.get(id);
    if (view == null || !view.session().equals(session) || !views.remove(id, view)) {
      throw SoapFault.notFound(new MoRef("View", id));
    }
  }

  /** Logout: the session's views are gone. */
  void endSession(String session) {
    views.values().removeIf(view -> view.session().equals(session));
  }

  /** How many views some session still holds. */
  int live() {
    return views.size();
  }

  private String id(String session) {
    return "session[" + session.substring(0, 8) + "]view-" + ids.getAndIncrement();
  }

  private View view(String session, String id, String type) {
    View view = views.get(id);
    if (view == null || !view.session().equals(session) || !view.ref().type().equals(type)) {
      throw SoapFault.notFound(new MoRef(type, id));
    }
    return view;
  }

  /** The view as a managed object, or null when {@code ref} is no view of {@code session}. */
  VimObject object(String session, MoRef ref) {
    View view = views.get(ref.value());
    if (view == null || !view.session().equals(session) || !view.ref().type().equals(ref.type())) {
      return null;
    }
    return new VimObject() {
      @Override
      public MoRef ref() {
        return view.ref();
      }

      @Override
      public XmlElement property(String name) {
        return switch (name) {
          case "view" -> VimObject.refs(contents(view));
          case "container" -> view.container() == null ? null : VimObject.ref(view.container());
          case "type" -> view.container() == null ? null : XmlElement.of("val", view.types().stream()
              .map(type -> XmlElement.text("string", type)).toList()).typed("ArrayOfString");
          case "recursive" -> view.container() == null ? null : VimObject.bool("val", view.recursive());
          default -> null;
        };
      }
    };
  }

  private List<MoRef> contents(View view) {
    if (view.listed() != null) {
      synchronized (view.listed()) {
        return List.copyOf(view.listed());
      }
    }
    return inventory.below(view.container(), view.recursive()).stream().filter(ref -> view.types().isEmpty()
        || view.types().stream().anyMatch(type -> VimTypes.isA(ref.type(), type))).toList();
  }
}
