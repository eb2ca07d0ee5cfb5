-- 0004: the lesion site as a language-neutral code (the keys of dermassist.imaging.bodymap.SITE_NAMES),
-- named in the language of whoever reads it. site_label keeps only text the doctor wrote; the labels
-- the body map itself wrote in English or Russian before this version become codes.

ALTER TABLE examinations ADD COLUMN site_code TEXT NOT NULL DEFAULT '';

CREATE TEMP TABLE site_names (label TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO site_names (label, code) VALUES
    ('face', 'face'), ('лицо', 'face'),
    ('back of the head', 'occiput'), ('затылок', 'occiput'),
    ('neck', 'neck'), ('шея', 'neck'),
    ('back of the neck', 'nape'), ('задняя поверхность шеи', 'nape'),
    ('left shoulder', 'shoulder.left'), ('левое надплечье', 'shoulder.left'),
    ('right shoulder', 'shoulder.right'), ('правое надплечье', 'shoulder.right'),
    ('left upper arm', 'upper_arm.left'), ('левое плечо', 'upper_arm.left'),
    ('right upper arm', 'upper_arm.right'), ('правое плечо', 'upper_arm.right'),
    ('left elbow', 'elbow.left'), ('левый локоть', 'elbow.left'),
    ('right elbow', 'elbow.right'), ('правый локоть', 'elbow.right'),
    ('left forearm', 'forearm.left'), ('левое предплечье', 'forearm.left'),
    ('right forearm', 'forearm.right'), ('правое предплечье', 'forearm.right'),
    ('left wrist', 'wrist.left'), ('левое запястье', 'wrist.left'),
    ('right wrist', 'wrist.right'), ('правое запястье', 'wrist.right'),
    ('left hand', 'hand.left'), ('левая кисть', 'hand.left'),
    ('right hand', 'hand.right'), ('правая кисть', 'hand.right'),
    ('chest, left side', 'chest.left'), ('грудная клетка слева', 'chest.left'),
    ('chest, right side', 'chest.right'), ('грудная клетка справа', 'chest.right'),
    ('chest, midline', 'chest.midline'), ('грудная клетка по средней линии', 'chest.midline'),
    ('abdomen, left side', 'abdomen.left'), ('живот слева', 'abdomen.left'),
    ('abdomen, right side', 'abdomen.right'), ('живот справа', 'abdomen.right'),
    ('abdomen, midline', 'abdomen.midline'), ('живот по средней линии', 'abdomen.midline'),
    ('lower abdomen, left side', 'lower_abdomen.left'), ('нижняя часть живота слева', 'lower_abdomen.left'),
    ('lower abdomen, right side', 'lower_abdomen.right'), ('нижняя часть живота справа', 'lower_abdomen.right'),
    ('lower abdomen, midline', 'lower_abdomen.midline'), ('нижняя часть живота по средней линии', 'lower_abdomen.midline'),
    ('groin, left side', 'groin.left'), ('паховая область слева', 'groin.left'),
    ('groin, right side', 'groin.right'), ('паховая область справа', 'groin.right'),
    ('groin, midline', 'groin.midline'), ('паховая область по средней линии', 'groin.midline'),
    ('upper back, left side', 'upper_back.left'), ('верхняя часть спины слева', 'upper_back.left'),
    ('upper back, right side', 'upper_back.right'), ('верхняя часть спины справа', 'upper_back.right'),
    ('upper back, midline', 'upper_back.midline'), ('верхняя часть спины по средней линии', 'upper_back.midline'),
    ('lower back, left side', 'lower_back.left'), ('поясница слева', 'lower_back.left'),
    ('lower back, right side', 'lower_back.right'), ('поясница справа', 'lower_back.right'),
    ('lower back, midline', 'lower_back.midline'), ('поясница по средней линии', 'lower_back.midline'),
    ('left buttock', 'buttock.left'), ('левая ягодица', 'buttock.left'),
    ('right buttock', 'buttock.right'), ('правая ягодица', 'buttock.right'),
    ('left thigh', 'thigh.left'), ('левое бедро', 'thigh.left'),
    ('right thigh', 'thigh.right'), ('правое бедро', 'thigh.right'),
    ('left knee', 'knee.left'), ('левое колено', 'knee.left'),
    ('right knee', 'knee.right'), ('правое колено', 'knee.right'),
    ('left popliteal fossa', 'popliteal.left'), ('левая подколенная ямка', 'popliteal.left'),
    ('right popliteal fossa', 'popliteal.right'), ('правая подколенная ямка', 'popliteal.right'),
    ('left lower leg', 'lower_leg.left'), ('левая голень', 'lower_leg.left'),
    ('right lower leg', 'lower_leg.right'), ('правая голень', 'lower_leg.right'),
    ('left calf', 'calf.left'), ('левая икра', 'calf.left'),
    ('right calf', 'calf.right'), ('правая икра', 'calf.right'),
    ('left ankle', 'ankle.left'), ('левая лодыжка', 'ankle.left'),
    ('right ankle', 'ankle.right'), ('правая лодыжка', 'ankle.right'),
    ('left foot', 'foot.left'), ('левая стопа', 'foot.left'),
    ('right foot', 'foot.right'), ('правая стопа', 'foot.right');

UPDATE examinations
   SET site_code = (SELECT code FROM site_names WHERE site_names.label = examinations.site_label),
       site_label = ''
 WHERE site_view IS NOT NULL AND site_label IN (SELECT label FROM site_names);

DROP TABLE site_names;
