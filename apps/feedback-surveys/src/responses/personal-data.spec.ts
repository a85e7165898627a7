import { luhnValid, maskPersonalData } from './personal-data';

describe('luhnValid', () => {
  it('accepts valid numbers', () => {
    // 4111 1111 1111 1111: from the right, every second digit is doubled: seven 1s and the leading 4
    // → 7·2 + 8 = 22; the other eight 1s → 8; 22 + 8 = 30 ≡ 0 (mod 10)
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true); // Amex test number, 15 digits
    expect(luhnValid('4222222222222')).toBe(true); // Visa test number, 13 digits
    // 79927398713, the classic example: sum 70
    expect(luhnValid('79927398713')).toBe(true);
  });

  it('rejects invalid numbers', () => {
    expect(luhnValid('4111111111111112')).toBe(false); // sum 31
    // 1234567890123456: undoubled 6+4+2+0+8+6+4+2 = 32; doubled 5,3,1,9,7,5,3,1 → 1+6+2+9+5+1+6+2 = 32;
    // 32 + 32 = 64 → invalid
    expect(luhnValid('1234567890123456')).toBe(false);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('maskPersonalData', () => {
  describe('phones', () => {
    it.each([
      ['+7 701 234 56 78'],
      ['+7(701)234-56-78'],
      ['+7 (701) 234-56-78'],
      ['8 701 234 5678'],
      ['8 (701) 234 56 78'],
      ['8-701-234-56-78'],
      ['87012345678'],
      ['+77012345678'],
      ['77012345678'],
      ['7012345678'],
      ['7472345678'],
      ['7771234567'],
      ['(701) 234-56-78'],
      ['8 (7172) 55-66-77'],
      ['+7 7172 55 66 77'],
      ['8 (727) 123-45-67'],
      ['8 7252 12 34 56'],
    ])('masks %s', (phone) => {
      expect(maskPersonalData(`тел: ${phone}.`)).toEqual({ text: 'тел: [phone].', found: ['phone'] });
    });

    it('masks phones inside Kazakh, Russian and English sentences', () => {
      expect(maskPersonalData('Менің нөмірім +7 747 123 45 67, хабарласыңыз').text).toBe(
        'Менің нөмірім [phone], хабарласыңыз',
      );
      expect(maskPersonalData('Позвоните мне по номеру 8 777 123 45 67 после обеда').text).toBe(
        'Позвоните мне по номеру [phone] после обеда',
      );
      expect(maskPersonalData('Call me on +77051234567 tomorrow').text).toBe('Call me on [phone] tomorrow');
      expect(maskPersonalData('мой номер87012345678').text).toBe('мой номер[phone]');
    });

    it('masks several phones and a phone next to a year', () => {
      expect(maskPersonalData('87012345678, 8 702 345 67 89').text).toBe('[phone], [phone]');
      expect(maskPersonalData('8 701 234 56 78 8 702 345 67 89').text).toBe('[phone] [phone]');
      // 87012345678 2025 read as one 15-digit run would be Luhn-valid (sum 60): it must not become [card]
      expect(maskPersonalData('87012345678 2025 жылы').text).toBe('[phone] 2025 жылы');
    });

    it('leaves a bare 10-digit number without a mobile prefix', () => {
      // 7172556677 is an Astana landline written without 8/+7: too ambiguous without a prefix
      expect(maskPersonalData('код 7172556677').found).toEqual([]);
      expect(maskPersonalData('номер заявки 1234567890').text).toBe('номер заявки 1234567890');
      // toll-free 8 800 is not a personal number
      expect(maskPersonalData('горячая линия 8 800 080 7777').found).toEqual([]);
    });
  });

  describe('IIN', () => {
    it('masks any run of 12 digits, even with a wrong check digit', () => {
      expect(maskPersonalData('ЖСН: 900101300123').text).toBe('ЖСН: [IIN]');
      expect(maskPersonalData('ИИН 850412400567, прошу проверить')).toEqual({
        text: 'ИИН [IIN], прошу проверить',
        found: ['iin'],
      });
      expect(maskPersonalData('my IIN is 123456789012').text).toBe('my IIN is [IIN]');
    });

    it('does not mask 11 or 13 digits as an IIN', () => {
      // 11 digits starting with 1: not a phone either
      expect(maskPersonalData('номер 12345678901').found).toEqual([]);
      // 13 digits failing Luhn: 1234567890123 → undoubled 3+1+9+7+5+3+1 = 29, doubled 2,0,8,6,4,2 → 4+0+7+3+8+4 = 26; 55
      expect(luhnValid('1234567890123')).toBe(false);
      expect(maskPersonalData('номер 1234567890123').found).toEqual([]);
    });
  });

  describe('e-mail', () => {
    it.each([
      ['ivan.petrov@gmail.com'],
      ['a.nurlanova+akimat@mail.kz'],
      ['AIGERIM_92@Yandex.RU'],
      ['user@sub.domain.gov.kz'],
      ['азамат@пример.қаз'],
    ])('masks %s', (email) => {
      expect(maskPersonalData(`жазыңыз ${email}.`)).toEqual({ text: 'жазыңыз [e-mail].', found: ['email'] });
    });

    it('keeps digits of an e-mail address from being read as a phone', () => {
      expect(maskPersonalData('87012345678@mail.ru')).toEqual({ text: '[e-mail]', found: ['email'] });
    });

    it('does not mask a bare @ or a handle', () => {
      expect(maskPersonalData('встреча @ 18:30, пишите @akimat_astana').found).toEqual([]);
    });
  });

  describe('cards', () => {
    it.each([
      ['4111 1111 1111 1111'],
      ['4111-1111-1111-1111'],
      ['4111111111111111'],
      ['5555 5555 5555 4444'],
      ['3782 822463 10005'],
      ['378282246310005'],
      ['4222222222222'],
      ['6011 1111 1111 1117'],
    ])('masks the Luhn-valid %s', (card) => {
      expect(maskPersonalData(`карта ${card} заблокирована`)).toEqual({
        text: 'карта [card] заблокирована',
        found: ['card'],
      });
    });

    it('masks 4-4-4-4 groups failing Luhn (a mistyped card)', () => {
      expect(luhnValid('1234567890123456')).toBe(false);
      expect(maskPersonalData('card 1234 5678 9012 3456').text).toBe('card [card]');
      expect(maskPersonalData('card 1234-5678-9012-3456').text).toBe('card [card]');
    });

    it('leaves an unbroken 16-digit run failing Luhn', () => {
      // 4111111111111112 has Luhn sum 31: not a card by the rule, and not 12 digits
      expect(maskPersonalData('код 4111111111111112').found).toEqual([]);
    });

    it('does not mask a card as an IIN or a phone', () => {
      // 4400 4301 1234 5670: Luhn sum 50; its digits hold 12-digit and phone-like runs
      expect(maskPersonalData('4400 4301 1234 5670')).toEqual({ text: '[card]', found: ['card'] });
      expect(maskPersonalData('4400430112345670')).toEqual({ text: '[card]', found: ['card'] });
    });
  });

  describe('ordinary numbers stay', () => {
    it.each([
      'В 2025 году двор не убирали',
      'дом 12, кв. 45',
      'үй 7, пәтер 118',
      'приехали в 18:30, уехали в 19:05',
      'обращение от 12.03.2026',
      'штраф 5000 тенге',
      'ущерб 1 500 000 тенге',
      'ущерб 150 000 000 ₸',
      'бюджет 7 500 000 000 тенге',
      'waited 45 minutes, 3 times in 2024 and 2025',
      'участок №3, маршрут 12А',
      'patrol car 017 AB 01',
      'номер обращения 2026-000123',
      '100%',
    ])('%s', (text) => {
      expect(maskPersonalData(text)).toEqual({ text, found: [] });
    });
  });

  it('lists each kind once, in order of first appearance', () => {
    const text =
      'Пишите a@b.kz или звоните +7 701 111 22 33; ИИН 900101300123; карта 4111 1111 1111 1111; ещё 87770001122 и c@d.kz';
    expect(maskPersonalData(text)).toEqual({
      text: 'Пишите [e-mail] или звоните [phone]; ИИН [IIN]; карта [card]; ещё [phone] и [e-mail]',
      found: ['email', 'phone', 'iin', 'card'],
    });
    expect(maskPersonalData('card 4111111111111111, then 8 701 234 56 78').found).toEqual(['card', 'phone']);
  });

  it('returns text without personal data unchanged', () => {
    expect(maskPersonalData('')).toEqual({ text: '', found: [] });
    expect(maskPersonalData('Рахмет, бәрі жақсы!')).toEqual({ text: 'Рахмет, бәрі жақсы!', found: [] });
  });
});
