"""The curation stage: curated data in, the model out.

``load`` reads the YAML with positions, ``validate`` checks it into the
model, ``seeds`` reads the review texts, ``coverage`` audits how much of
them the curation covers.
"""
