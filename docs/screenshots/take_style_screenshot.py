"""Take husstil.png: the committee dialog's Husstil tab, Region Sjælland's style as the
starting point, with the preview of an item as it will print; under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/take_style_screenshot.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_window import OUT, example_window, run  # noqa: E402


def main() -> None:

    app, window = example_window()
    from ui.dialogs.committee_dialog import CommitteeDialog

    def shoot() -> None:
        dialog = CommitteeDialog(window.ws, None, window)
        dialog.resize(1200, 700)
        dialog.new_committee()
        dialog.fields["name"].set_value("Regionsrådet 2018-2021")
        dialog.fields["short_name"].set_value("RR")
        dialog.fields["organisation"].set_value("Region Sjælland")
        dialog._style_context()
        tab = dialog.style_tab
        tab.preset.setCurrentIndex(tab.preset.findData("Region Sjælland"))
        tab.use_preset()
        dialog.tabs.setCurrentWidget(tab)
        dialog.show()
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT / "husstil.png"))
        app.quit()

    run(app, shoot)


if __name__ == "__main__":
    main()
