"""Incremental emission: lay out again only what changed, byte-identical to a cold run.

An emitter turns the model into view-models, builds sample values from schemas
(`generator.emit.samples`), lays statements out in black's shape
(`generator.emit.pyshape`) and hands the views to templates and filters. Those
functions are pure: their result is a function of md2sdk's sources, the templates and
the *values* they receive (for samples: the schema and the API's definitions, which
references are followed through). So each of their calls is a fragment of an output
file that knows exactly which part of the model it is made from: one operation's call
statement, expected request, mocked response body; one schema's docstring; one path
item's parameters or responses, one component of the OpenAPI document. This package
keys a cache by those values and answers each call whose values are unchanged from
the fragments of the previous run, so an edit lays out again only the fragments it
changed, and the OpenAPI document is re-assembled from cached fragments. It wraps the
fragment functions, not the emitters, so emitters keep their own structure and names.

Keys (`fragments`) are `generator.cache.EMIT` keys: md2sdk's sources, the built-in
templates and the output-shaping libraries are declared inputs; the template
overrides' digest, the target and API are the parts of a slot's key, and within the
slot each fragment is keyed by its function's name and the stable bytes of its
arguments (`keys.stable_bytes`), or an exact form of them its caller holds (pyshape's
layout: its tree's one-line form and skeleton). Slots are checked by the cache helper (format, key,
length, digest) and written atomically; a corrupt or foreign slot is ignored with a
warning.

`session.Session` is one target of one API: it gives the target its own Jinja
environment with the filters wrapped, makes its memo the active one for
`active.remembered_as` (pyshape's layout) and `active.remembered_over` (samples,
keyed with a digest of the definitions), saves the fragments at the end and says how many
were laid out and how many reused.

Above the fragments, whole files (`units.UnitMemo`, one slot per target like the
fragments): an emitter that can name a file's slice of the model without building
its view keys the file by that slice and takes the file from the last run when the
key is unchanged, without building or rendering it. The Python target keys each
model module by its definition, the definitions its hints expand and the naming
state the modules before it leave (`generator.emit.python.reuse`), and each resource
module by its operations and what they reach; the tests target keys each test module
by its resource's key (`generator.emit.tests.reuse`) and assembles ``test_live.py``
from the resources' kept parts. A reused file keeps the fragments it was made of
alive (`active.keep`), for the edit that changes it next; a test module's fragments
are kept instead in a scope of their own (`active.scoped`), a slot that only a run
building that module again reads and writes. A resource's view (every
operation's view, which the client, README and tests read) is kept the same way
under its resource's key, so an unchanged resource is neither built nor rendered
(`generator.emit.python.resource_units`).

A whole-file cache keyed by each template's context was measured and dropped: pickling
the Python package's views for the keys cost more (3.9 s of CPU on Kubernetes, all
hits) than rendering them (1.8 s). Keys made from the model slice (the units above)
cost a pickle of each definition and operation instead (~0.1 s on Kubernetes).
"""
