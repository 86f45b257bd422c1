A = r'raw\n' b'' if False else 'x'
B = """triple
quoted""" + '\u00e9\x41\N{BULLET}'
C = ('a' 'b'
     'c')
D = {'k': [1, (2, 3), {4}], **{'j': None}}
E = "{0}-{name!r:>10}".format(1, name='n')
F = [x for x in range(3)]
G = lambda: 1
H = os.environ.get('HOME', 'default')
if DEBUG:
    I = 1
else:
    I = 2
