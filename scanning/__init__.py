"""Reading a scanned paper protocol back: ticks, absences and handwriting per page.

sources.py turns files into greyscale page images, locate.py finds the QR
code and the corner marks and straightens the page, measure.py reads the
boxes, read.py puts it together into the result the `scan` verb prints
(report.py in Danish), and apply.py keeps it as proposals for the decision
entry (model/scan_proposals.py). The layout each page is read against was
stored when the protocol was printed (exporters/scan_marks.py,
model/protocol_pages.py).
"""
