"""What a screen reader sees: reads the running atlas through AT-SPI (pyatspi) and
checks the names, roles and states the README's accessibility section promises.
Run by scripts/atspi-check.sh, which starts the window in a private session."""
import sys
import time

import pyatspi


def find_app(name, timeout=30.0):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and name in app.name.lower():
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    yield node
    if depth > 40:
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def find(root, pred):
    return next((n for n in walk(root) if pred(n)), None)


def wait_for(root, pred, what, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        node = find(root, pred)
        if node is not None:
            return node
        time.sleep(0.3)
    raise SystemExit(f"FAIL: {what} not found")


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate", "default"):
            action.doAction(i)
            return
    action.doAction(0)


def main():
    app = find_app("trigger")
    if app is None:
        raise SystemExit("FAIL: the atlas is not on the accessibility bus")
    frame = wait_for(app, lambda n: n.getRole() == pyatspi.ROLE_FRAME, "the window")
    checks = []
    checks.append(("window name", frame.name == "Trigger Point Atlas", repr(frame.name)))
    item = wait_for(app, lambda n: n.name == "Temporalis", "the Temporalis list item")
    click(item)
    bodymap = wait_for(
        app,
        lambda n: (n.name or "").startswith("Body map: Temporalis, right side."),
        "the body map describing temporalis",
    )
    text = bodymap.name
    checks.append(("body map names the views", "Views:" in text, text[:120]))
    checks.append(("body map names the essential zone", "Essential zone:" in text, ""))
    item = find(app, lambda n: n.name == "Temporalis")
    selected = item is not None and item.getState().contains(pyatspi.STATE_SELECTED)
    checks.append(("list item selected", selected, ""))
    status = find(app, lambda n: (n.name or "").startswith("Temporalis, right side. Essential zone"))
    checks.append(("status line announces the selection", status is not None, ""))
    lessons = find(app, lambda n: n.name == "Lessons")
    if lessons is not None:
        click(lessons)
        start = wait_for(app, lambda n: (n.name or "").startswith("Start: "), "a named Start button")
        checks.append(("Start buttons named for their lesson", True, start.name))
    failed = [c for c in checks if not c[1]]
    for name, ok, detail in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name} {detail}")
    if failed:
        sys.exit(1)
    print(f"AT-SPI check passed: {len(checks)} checks")


if __name__ == "__main__":
    main()
